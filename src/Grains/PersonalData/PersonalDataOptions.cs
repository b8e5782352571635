using Microsoft.Extensions.Options;

namespace TuyenGiao.PersonalData;

/// <summary>
/// The "PersonalData" section: the master key that wraps every data key (a secret with no default, as the token
/// signing key: ops/run.sh keeps one in .secrets/), the keys it replaced, and how often the retention job looks.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Base64 of 32 random bytes. Data keys are wrapped by it; changing it takes a rewrap (see docs/personal-data.md).</summary>
    public string? MasterKey { get; set; }

    /// <summary>Master keys replaced by <see cref="MasterKey"/> whose data keys may not be rewrapped yet: kept to unwrap them.</summary>
    public List<string> RetiredMasterKeys { get; set; } = [];

    /// <summary>How often the retention job looks for contests whose entrants' data is due for erasure.</summary>
    public TimeSpan RetentionCheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// For the benchmark's comparison only: personal fields are stored as given, unencrypted. A node started so says it
    /// loudly in its log; never set it where real people's data is stored.
    /// </summary>
    public bool StorePlainForBenchmark { get; set; }

    /// <summary>Fails the start with a sentence that says what to set, instead of refusing every submission later.</summary>
    public sealed class Validation : IValidateOptions<PersonalDataOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersonalDataOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.MasterKey))
                return ValidateOptionsResult.Fail(
                    "PersonalData:MasterKey is not set. Set it (or the environment variable PersonalData__MasterKey) to base64 of 32 random bytes, " +
                    "for example `openssl rand -base64 32`; ops/run.sh creates one in .secrets/personal-data-master-key.");
            foreach (var (key, setting) in options.RetiredMasterKeys.Select(k => (k, "PersonalData:RetiredMasterKeys")).Prepend((options.MasterKey, "PersonalData:MasterKey")))
            {
                if (MasterKeyRing.TryDecode(key) is null)
                    return ValidateOptionsResult.Fail($"{setting} must be base64 of exactly 32 bytes.");
            }
            if (options.RetentionCheckEvery < TimeSpan.FromSeconds(1))
                return ValidateOptionsResult.Fail("PersonalData:RetentionCheckEvery must be at least a second.");
            return ValidateOptionsResult.Success;
        }
    }
}
