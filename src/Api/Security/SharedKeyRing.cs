using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Data Protection's keys in PostgreSQL (web.data_protection_key, created with the schema at start-up), shared by every
/// node: a session cookie or antiforgery token issued by one node is read by the others, and by the same node after a
/// restart. The keys protect cookies only (the bearer tokens are signed with Auth:SigningKey), and are stored encrypted
/// with a key derived from Auth:SigningKey (<see cref="SharedKeyRingEncryptor"/>).
/// </summary>
public sealed class SharedKeyRing(NpgsqlDataSource database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.CreateCommand("SELECT xml FROM web.data_protection_key ORDER BY created_at");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
            keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    /// <summary>A key is only ever added; two nodes creating one at once both keep theirs (different names).</summary>
    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = database.CreateCommand("INSERT INTO web.data_protection_key (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }

    public static void AddSharedKeyRing(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("TuyenGiao");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<NpgsqlDataSource, Microsoft.Extensions.Options.IOptions<AuthSettings>>((o, database, auth) =>
            {
                o.XmlRepository = new SharedKeyRing(database);
                o.XmlEncryptor = new SharedKeyRingEncryptor(Convert.FromBase64String(auth.Value.SigningKey!));
            });
    }
}
