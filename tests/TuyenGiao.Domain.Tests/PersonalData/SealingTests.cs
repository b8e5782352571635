using System.Security.Cryptography;
using System.Text.Json;
using TuyenGiao.Contests;
using TuyenGiao.PersonalData;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.PersonalData;

public class SealingTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(SealedText.KeyLength);

    [Fact]
    public void Given_a_Vietnamese_name_When_sealed_and_opened_Then_it_comes_back_exactly_and_the_sealed_text_holds_no_part_of_it()
    {
        var id = new DataKeyRef(-42, Guid.NewGuid());
        var name = "Nguyễn Thị Ánh Tuyết".Normalize(System.Text.NormalizationForm.FormC);

        var sealedName = SealedText.Seal(name, id, Key);

        Assert.True(SealedText.IsSealed(sealedName));
        Assert.DoesNotContain("Tuyết", sealedName);
        Assert.True(SealedText.TryKey(sealedName, out var key));
        Assert.Equal(id, key);
        Assert.Equal(name, SealedText.Open(sealedName, id, Key));
        Assert.NotEqual(sealedName, SealedText.Seal(name, id, Key)); // a fresh nonce each time
    }

    [Fact]
    public void Given_a_sealed_text_When_opened_with_another_key_another_id_or_after_a_change_Then_it_does_not_open()
    {
        var id = new DataKeyRef(7, Guid.NewGuid());
        var sealedName = SealedText.Seal("Lê Văn Tám", id, Key);
        var tampered = sealedName[..^2] + (sealedName[^2] == 'A' ? "B" : "A") + sealedName[^1];

        Assert.Null(SealedText.Open(sealedName, id, RandomNumberGenerator.GetBytes(SealedText.KeyLength)));
        Assert.Null(SealedText.Open(sealedName, id with { Id = Guid.NewGuid() }, Key));
        Assert.Null(SealedText.Open(sealedName, id with { Person = 8 }, Key));
        Assert.Null(SealedText.Open(tampered, id, Key));
        Assert.Null(SealedText.Open("Lê Văn Tám", id, Key));
        Assert.False(SealedText.TryKey("\uFDD0short", out _));
        // The marker and the key's address alone are not a sealed text; an empty text sealed is one, and opens to itself.
        Assert.False(SealedText.IsSealed(sealedName[..34]));
        Assert.Equal("", SealedText.Open(SealedText.Seal("", id, Key), id, Key));
        Assert.Null(SealedText.Open(sealedName[..34] + ".AAAAAAAAAAAAAA", id, Key));
    }

    [Fact]
    public void Given_a_retired_master_key_When_a_data_key_it_wrapped_is_unwrapped_Then_it_opens_and_rewrapped_it_opens_under_the_current_one()
    {
        var (old, current) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var id = Guid.NewGuid();
        var before = new MasterKeyRing(old, []);
        var wrapped = before.Wrap(Key, id);

        var after = new MasterKeyRing(current, [old]);
        var unwrapped = after.Unwrap(before.CurrentId, wrapped, id);

        Assert.Equal(Key, unwrapped);
        Assert.NotEqual(before.CurrentId, after.CurrentId);
        var rewrapped = after.Wrap(unwrapped!, id);
        Assert.Equal(Key, new MasterKeyRing(current, []).Unwrap(after.CurrentId, rewrapped, id));
        Assert.Null(after.Unwrap(before.CurrentId, wrapped, Guid.NewGuid())); // bound to its data key's id
        Assert.NotEqual(wrapped, before.Wrap(Key, id)); // a fresh nonce each time
        Assert.Equal(before.CurrentId, Assert.Throws<MissingMasterKeyException>(() => new MasterKeyRing(current, []).Unwrap(before.CurrentId, wrapped, id)).MasterKeyId);
    }

    [Fact]
    public void Given_texts_some_of_whose_keys_are_gone_When_revealed_Then_those_read_as_erased_and_only_the_others_count_as_read()
    {
        var (kept, gone) = (new DataKeyRef(7, Guid.NewGuid()), new DataKeyRef(9, Guid.NewGuid()));
        var keptName = SealedText.Seal("Lê Văn \"Tám\"", kept, Key);
        var goneName = SealedText.Seal("Trần Thị Bích Ngọc", gone, Key);
        var unreadable = new DataKeyRef(11, Guid.NewGuid());
        var unreadableName = SealedText.Seal("Phạm Thị Hoa", unreadable, Key);
        var revealed = new Revealed(new Dictionary<DataKeyRef, byte[]?> { [kept] = Key, [unreadable] = null });

        var json = revealed.Json($$"""{"a":"{{keptName}}","b":["{{goneName}}", 3],"c":"plain"}""");

        // Opened in place, escaped as JSON; everything else as it was, spaces included.
        Assert.Equal("""{"a":"Lê Văn \"Tám\"","b":["[đã xoá]", 3],"c":"plain"}""", json);
        Assert.Equal("Lê Văn \"Tám\"", JsonDocument.Parse(json).RootElement.GetProperty("a").GetString());
        Assert.Equal([7L], revealed.People);
        Assert.Equal([keptName, goneName], Revealed.SealedIn($$"""{"a":"{{keptName}}","b":["{{goneName}}"]}"""));
        Assert.Null(revealed.Text(null));
        // A key that is there but does not unwrap reads as erased too; a marker inside a text (not a sealed value) stays.
        Assert.Equal(SealedText.Erased, revealed.Text(unreadableName));
        const string markerInText = "{\"a\":\"ab\uFDD0cd\"}";
        Assert.Equal(markerInText, revealed.Json(markerInText));
        Assert.Empty(Revealed.SealedIn(markerInText));
    }

    [Fact]
    public void Given_an_author_When_pseudonymised_Then_the_same_person_gets_the_same_key_and_another_name_committee_or_secret_another()
    {
        var key = Pseudonyms.OfAuthor("Lê Văn Tám", "TV-A");

        Assert.Equal(key, Pseudonyms.OfAuthor("Lê Văn Tám", "TV-A"));
        Assert.NotEqual(key, Pseudonyms.OfAuthor("Lê Văn Tâm", "TV-A"));
        Assert.NotEqual(key, Pseudonyms.OfAuthor("Lê Văn Tám", "TV-B"));
        Assert.NotEqual(key, new PersonPseudonyms(RandomNumberGenerator.GetBytes(32)).OfAuthor("Lê Văn Tám", "TV-A"));
        Assert.NotEqual(key, SubmissionIdentity.LegacyAuthorKey("Lê Văn Tám", "TV-A"));
        Assert.Equal(16, PersonPseudonyms.Show(key).Length);
        Assert.Equal("00000000000000ff", PersonPseudonyms.Show(255));
    }

    [Fact]
    public void Given_a_participant_When_pseudonymised_Then_their_number_and_their_details_each_give_one_key_apart_from_an_author()
    {
        var person = Pseudonyms.OfParticipant("+84912345678");

        Assert.Equal(person, Pseudonyms.OfParticipant("+84912345678"));
        Assert.NotEqual(person, Pseudonyms.OfParticipant("+84912345679"));
        // The same text as an author's name is another person: each kind of person has its own pseudonyms.
        Assert.NotEqual(Pseudonyms.OfAuthor("+84912345678", ""), person);
        var details = Pseudonyms.OfParticipantDetails("Lê Văn Tám", 1990);
        Assert.Equal(details, Pseudonyms.OfParticipantDetails("Lê Văn Tám", 1990));
        Assert.NotEqual(details, Pseudonyms.OfParticipantDetails("Lê Văn Tám", 1991));
        Assert.NotEqual(details, Pseudonyms.OfParticipantDetails("Lê Văn Tâm", 1990));
    }

    [Fact]
    public void Given_a_secret_of_the_wrong_length_When_used_for_pseudonyms_Then_it_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PersonPseudonyms(new byte[31]));
        Assert.Throws<ArgumentException>(() => new PersonPseudonyms(new byte[33]));
    }

    [Fact]
    public void Given_an_entry_When_its_personal_texts_are_transformed_Then_only_the_author_name_changes()
    {
        var entry = new EntrySubmitted("C", 1, "s-1", "Lê Văn Tám", "TV-A", ["TV-A"], "Bài", 1_500, null, null, 9, During, 42);

        var sealedEntry = (EntrySubmitted)((IHoldsPersonalData)entry).WithPersonalTexts(t => $"<{t}>");

        Assert.Equal(entry with { AuthorName = "<Lê Văn Tám>" }, sealedEntry);
        Assert.Equal(42, ((IHoldsPersonalData)entry).PersonKey);
    }
}
