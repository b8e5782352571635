using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using Weasel.Core;
using Marten;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Contests;

namespace TuyenGiao.EventStore;

/// <summary>How the event store is laid out in PostgreSQL. Shared by the silo and the tests.</summary>
public static class MartenSetup
{
    public const string Schema = "tuyengiao";

    public static void Configure(StoreOptions options, string connectionString)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = Schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

        // Readable stream ids such as committee/TV; one stream per grain.
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        // Each event's id is unique in the store: a write whose acknowledgement was lost can never land twice.
        options.Events.EnableUniqueIndexOnEventId = true;

        // camelCase like the API, so that an auditor reading the jsonb columns sees the field names the API uses.
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, configure: json =>
        {
            json.Converters.Add(new JsonStringEnumConverter());
            // Keep Vietnamese readable in the jsonb columns; the text round-trips either way.
            json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        CommitteeStorage.Configure(options);
        ContestStorage.Configure(options);
        Quizzes.QuizStorage.Configure(options);
        CampaignStorage.Configure(options);
        CommitteeRecordsStorage.Configure(options);
        Accounts.AccountStorage.Configure(options);
        PersonalData.PersonalDataStorage.Configure(options);
    }
}
