using Marten;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using TuyenGiao.Auditing;
using TuyenGiao.Campaigns;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Reporting;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
using TuyenGiao.PersonalData;
using Microsoft.Extensions.Options;

namespace TuyenGiao.Silo;

/// <summary>The one way a TuyenGiao silo is set up, whether it runs alone or inside the Api.</summary>
public static class SiloHosting
{
    /// <summary>Clustering on PostgreSQL, the Marten event store behind the journaled grains, and schema set-up.</summary>
    public static ISiloBuilder AddTuyenGiaoSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = PostgresConnection.Resolve(configuration);
        var node = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();

        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (node.ClusterId, node.ServiceId));
        silo.ConfigureEndpoints(node.ResolveAdvertisedAddress(), node.SiloPort, node.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // A node that dies (a crash, a SIGKILL, a pulled cable) is declared dead after about three missed probes of
            // two seconds, and its grains move to the survivors: well within the half minute users tolerate. Orleans'
            // defaults (10 s probes) take longer. Orleans:Membership overrides either.
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
            configuration.GetSection("Orleans:Membership").Bind(o);
        });

        silo.Services.AddDatabaseExceptionsAcrossSilos();
        // Every silo feeds Orleans' dashboard (a grain service per silo), whichever node's Api shows it.
        silo.AddDashboard();
        silo.Services.AddTuyenGiaoStorage(connectionString, PostgresConnection.ResolveReads(configuration));
        silo.Services.Configure<EventStoreOptions>(configuration.GetSection(EventStoreOptions.Section));
        // Every silo runs the retention job; the contests decide, so a contest asked twice erases once.
        silo.Services.AddHostedService(sp => sp.GetRequiredService<EntrantsDataRetention>());
        return silo;
    }

    /// <summary>
    /// A grain's read that meets the database mid-failover throws Npgsql's (or Marten's) exception; a caller on another
    /// silo must receive it as it is, for the edge to answer 503 with Retry-After. Orleans copies only exceptions of the
    /// namespaces it is told; any other fails to serialise and reaches the caller as a 500.
    /// </summary>
    private static IServiceCollection AddDatabaseExceptionsAcrossSilos(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o =>
        {
            o.SupportedNamespacePrefixes.Add("Npgsql");
            o.SupportedNamespacePrefixes.Add("Marten");
            o.SupportedNamespacePrefixes.Add("JasperFx");
        });

    /// <summary>Marten and the services grains use. The schema is applied before the silo starts.</summary>
    /// <param name="readsConnectionString">Where the reads that may lag go (<see cref="StandbyReads"/>); null: the primary.</param>
    public static IServiceCollection AddTuyenGiaoStorage(this IServiceCollection services, string connectionString, string? readsConnectionString = null)
    {
        services.AddMarten(options => MartenSetup.Configure(options, connectionString));
        services.AddHostedService<EventChainBackfill>();
        services.AddSingleton<IHostedService>(sp => new DatabaseSchema(
            connectionString, sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<ILogger<DatabaseSchema>>()));
        services.AddSingleton<IStreamReplay, ContestReplay>();
        // One per silo: the appends of all its grains share transactions (EventStore:Committers, EventStore:MaxStreamsPerTransaction).
        services.AddSingleton<EventChain>();
        services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonalDataOptions>, PersonalDataOptions.Validation>();
        services.AddSingleton<PersonalDataVault>();
        services.AddSingleton<PersonalDataAccessLog>();
        services.AddSingleton<EntrantsDataRetention>();
        services.AddSingleton<AppendBatcher>();
        // TryAdd: a test may put a journal that injects faults in front of Marten's.
        services.TryAddSingleton<IEventJournal, MartenEventJournal>();
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new StandbyReads(
            readsConnectionString is null ? sp.GetRequiredService<NpgsqlDataSource>() : NpgsqlDataSource.Create(readsConnectionString)));
        services.AddSingleton<ISnapshotStore, PostgresSnapshotStore>();
        services.AddSingleton<CommitteeDirectory>();
        services.AddSingleton<OrganisationHistory>();
        services.AddSingleton<Mergers>();
        services.AddSingleton<ContestEntries>();
        services.AddSingleton<JudgingHistory>();
        services.AddSingleton<ContestListings>();
        services.AddSingleton<JudgePanels>();
        services.AddSingleton<CampaignListings>();
        services.AddSingleton<ActivityReportHistory>();
        services.AddSingleton<PeriodReports>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<IntegrityCheck>();
        services.AddSingleton<EventExport>();
        services.AddSingleton<Replay>();
        services.AddSingleton<TimeTravel>();
        services.AddSingleton<Accounts.IPasswordHasher, Accounts.IdentityPasswordHasher>();
        services.AddSingleton<Accounts.AccountCredentials>();
        services.AddSingleton<Accounts.GrantHistory>();
        services.AddSingleton<Accounts.AccountDirectory>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// For an Api that is only a client of a cluster. It also needs <see cref="AddTuyenGiaoStorage"/> for its
    /// read queries, which applies the schema, the clustering tables it finds the gateways in included.
    /// </summary>
    public static IClientBuilder AddTuyenGiaoClient(this IClientBuilder client, IConfiguration configuration)
    {
        var connectionString = PostgresConnection.Resolve(configuration);
        var node = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (node.ClusterId, node.ServiceId));
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        client.Services.AddDatabaseExceptionsAcrossSilos();
        client.AddDashboard();
        return client;
    }
}
