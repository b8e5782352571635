using System.Globalization;
using System.Text;

namespace TuyenGiao.Api.Reports;

/// <summary>
/// The report's tables one after another (title line, heading row, rows, blank line), RFC 4180 quoting, UTF-8 with a
/// byte-order mark so that spreadsheet programs read the Vietnamese text correctly. Numbers use a '.' decimal point.
/// </summary>
public static class PeriodReportCsv
{
    public static byte[] Write(IReadOnlyList<ReportTable> tables)
    {
        var csv = new StringBuilder();
        foreach (var table in tables)
        {
            Line(csv, [table.Title]);
            Line(csv, table.Headings);
            foreach (var row in table.Rows)
                Line(csv, row);
            csv.Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IEnumerable<object?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
