using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
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

        using var sealer = new TextSealer(id, Key);
        var sealedName = sealer.Seal(name);

        Assert.True(SealedText.IsSealed(sealedName));
        Assert.DoesNotContain("Tuyết", sealedName);
        Assert.True(SealedText.TryKey(sealedName, out var key));
        Assert.Equal(id, key);
        Assert.Equal(name, SealedText.Open(sealedName, id, Key));
    }

    [Fact]
    public void Given_one_event_s_texts_When_sealed_under_its_key_Then_each_has_a_number_of_its_own_for_nonce_and_the_nonce_is_not_stored()
    {
        var id = new DataKeyRef(-42, Guid.NewGuid());
        using var sealer = new TextSealer(id, Key);

        var texts = Enumerable.Range(0, TextSealer.MaxTexts).Select(_ => sealer.Seal("Lê Văn Tám")).ToList();

        // The same text twice under one key: another number, so another nonce and another ciphertext.
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.All(texts, t => Assert.Equal("Lê Văn Tám", SealedText.Open(t, id, Key)));
        Assert.Equal(Enumerable.Range(0, TextSealer.MaxTexts).Select(n => (char)('0' + n)), texts.Select(t => t[33]));
        // Marker, key's address, number, then ciphertext and tag only: 13 UTF-8 bytes and a tag of 16 are 39 base64url characters.
        Assert.Equal(1 + 32 + 1 + 39, texts[0].Length);
        Assert.Throws<InvalidOperationException>(() => sealer.Seal("one too many"));
    }

    [Fact]
    public void Given_a_text_sealed_before_texts_were_numbered_When_opened_Then_it_opens_from_the_nonce_it_carries()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var id = new DataKeyRef(-42, Guid.Parse("0192f0c1-7a3b-7c4d-8e5f-112233445566"));
        // Stored by the first format: a random nonce written before the ciphertext, after a ".".
        const string stored = "\uFDD0_________9YBkvDBejt8TY5fESIzRFVm.9nQQ7NXiEYHr5Hq5-Nvt0TaPdeUqa9cJkGx5wtTB6LCBIAhZvGSRljk8DtsB6vmpNKt-AyUEsA";

        Assert.Equal("Nguyễn Thị Ánh Tuyết".Normalize(System.Text.NormalizationForm.FormC), SealedText.Open(stored, id, key));
        Assert.Null(SealedText.Open(stored.Replace('.', '0'), id, key));
    }

    [Fact]
    public void Given_a_sealed_text_When_opened_with_another_key_another_id_or_after_a_change_Then_it_does_not_open()
    {
        var id = new DataKeyRef(7, Guid.NewGuid());
        using var sealer = new TextSealer(id, Key);
        var sealedName = sealer.Seal("Lê Văn Tám");
        var tampered = sealedName[..^2] + (sealedName[^2] == 'A' ? "B" : "A") + sealedName[^1];
        var renumbered = sealedName[..33] + "1" + sealedName[34..];

        Assert.Null(SealedText.Open(sealedName, id, RandomNumberGenerator.GetBytes(SealedText.KeyLength)));
        Assert.Null(SealedText.Open(sealedName, id with { Id = Guid.NewGuid() }, Key));
        Assert.Null(SealedText.Open(sealedName, id with { Person = 8 }, Key));
        Assert.Null(SealedText.Open(tampered, id, Key));
        Assert.Null(SealedText.Open(renumbered, id, Key));
        Assert.Null(SealedText.Open(sealedName[..33] + "x" + sealedName[34..], id, Key));
        Assert.Null(SealedText.Open("Lê Văn Tám", id, Key));
        Assert.False(SealedText.TryKey("\uFDD0short", out _));
        // A key's address that is not base64url names no key.
        Assert.False(SealedText.TryKey("\uFDD0" + new string('!', 32) + sealedName[33..], out _));
        // The marker and the key's address alone are not a sealed text; an empty text sealed is one, and opens to itself.
        Assert.False(SealedText.IsSealed(sealedName[..34]));
        Assert.Equal("", SealedText.Open(sealer.Seal(""), id, Key));
        Assert.Null(SealedText.Open(sealedName[..33] + ".AAAAAAAAAAAAAA", id, Key));
        Assert.Null(SealedText.Open(sealedName[..33] + "0AAAAAAAAAAAAAA", id, Key));
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
        // The sealing path draws the nonce with the data key: it is taken as given, and only at its length.
        var nonce = RandomNumberGenerator.GetBytes(MasterKeyRing.NonceLength);
        Assert.Equal(nonce, before.Wrap(Key, id, nonce)[..MasterKeyRing.NonceLength]);
        Assert.Equal(Key, before.Unwrap(before.CurrentId, before.Wrap(Key, id, nonce), id));
        Assert.Throws<ArgumentException>(() => before.Wrap(Key, id, nonce[1..]));
        Assert.Equal(before.CurrentId, Assert.Throws<MissingMasterKeyException>(() => new MasterKeyRing(current, []).Unwrap(before.CurrentId, wrapped, id)).MasterKeyId);
    }

    [Fact]
    public void Given_texts_some_of_whose_keys_are_gone_When_revealed_Then_those_read_as_erased_and_only_the_others_count_as_read()
    {
        var (kept, gone) = (new DataKeyRef(7, Guid.NewGuid()), new DataKeyRef(9, Guid.NewGuid()));
        var keptName = Sealed("Lê Văn \"Tám\"", kept);
        var goneName = Sealed("Trần Thị Bích Ngọc", gone);
        var unreadable = new DataKeyRef(11, Guid.NewGuid());
        var unreadableName = Sealed("Phạm Thị Hoa", unreadable);
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
    public void Given_entries_whose_event_ids_are_name_based_When_sealed_Then_their_keys_get_ids_in_recording_order_and_name_their_events()
    {
        // Sealing does no I/O: the data source is never opened.
        using var database = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");
        var vault = new PersonalDataVault(database, Options.Create(new PersonalDataOptions { MasterKey = Convert.ToBase64String(Key) }),
            NullLogger<PersonalDataVault>.Instance);
        var at = new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero);
        var recorded = Enumerable.Range(0, 3).Select(i => new Recorded(SubmissionIdentity.EventId("KEYS", $"s-{i}"),
            new EntrySubmitted("KEYS", i + 1, $"s-{i}", $"Lê Văn {i}", "TV-A", ["TV-A"], "Bài", 900, null, null, i, at.AddMilliseconds(i), AuthorKey: 40 + i),
            "officer", "c-1", at.AddMilliseconds(i))).ToList();

        var keys = recorded.Select(r => vault.Seal(r).DataKey!).ToList();

        // Time-ordered ids (UUIDv7 at the recording time), so the key table's index grows at its end, whatever the
        // event's id (an entry's is a hash of its submission id); each key names its event and its person.
        Assert.All(keys, k => Assert.Equal(7, k.Key.Id.Version));
        Assert.Equal(keys.Select(k => k.Key.Id.ToString()).Order(StringComparer.Ordinal), keys.Select(k => k.Key.Id.ToString()));
        Assert.Equal(recorded.Select(r => r.EventId), keys.Select(k => k.EventId));
        Assert.Equal([40L, 41L, 42L], keys.Select(k => k.Key.Person));
        Assert.Equal(recorded.Select(r => r.RecordedAt.ToUnixTimeMilliseconds()), keys.Select(k => UnixMilliseconds(k.Key.Id)));
    }

    /// <summary>The first 48 bits of a UUIDv7: its time in Unix milliseconds.</summary>
    private static long UnixMilliseconds(Guid id) => Convert.ToInt64(id.ToString("N")[..12], 16);

    private static string Sealed(string text, DataKeyRef key)
    {
        using var sealer = new TextSealer(key, Key);
        return sealer.Seal(text);
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
