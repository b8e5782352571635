using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace TuyenGiao.Bench;

/// <summary>
/// What one transaction per submission could reach at best: pgbench, 8 clients, single-row INSERTs of a
/// submission-sized row into a plain table of the same PostgreSQL, for the same duration.
/// </summary>
public static partial class PgBenchBaseline
{
    public sealed record Result(int Clients, double Seconds, double RowsPerSecond);

    public static async Task<Result> RunAsync(string connectionString, TimeSpan duration, int clients = 8)
    {
        var pgbench = Find() ?? throw new InvalidOperationException("pgbench not found (Debian package postgresql)");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("""
                DROP TABLE IF EXISTS bench_baseline;
                CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, contest_id text NOT NULL, submission_id text NOT NULL UNIQUE,
                    author_name text NOT NULL, committee_code text NOT NULL, title text NOT NULL, words int NOT NULL, submitted_at timestamptz NOT NULL)
                """, connection);
            await create.ExecuteNonQueryAsync();
        }
        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, """
            \set n random(1, 2000000000)
            INSERT INTO bench_baseline (contest_id, submission_id, author_name, committee_code, title, words, submitted_at) VALUES ('BENCH', 'sub-' || :client_id || '-' || :n || '-' || random(), 'Nguyễn Văn An', 'TV-KHOI-SGD', 'Khát vọng Trà Vinh - bài dự thi số 1', 1500, now());
            """);
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench, ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", script,
            "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, cs.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = cs.Password ?? "" },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(script);
        var tps = Tps().Match(output);
        if (process.ExitCode != 0 || !tps.Success)
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {errors}{output}");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP TABLE IF EXISTS bench_baseline", connection);
            await drop.ExecuteNonQueryAsync();
        }
        return new Result(clients, duration.TotalSeconds, Math.Round(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)));
    }

    private static string? Find() =>
        new[] { "/usr/bin/pgbench" }.Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", "pgbench"))
                : [])
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
