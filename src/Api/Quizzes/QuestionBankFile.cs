using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TuyenGiao.Common;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Api.Quizzes;

/// <summary>
/// A question bank as organisers keep one: a CSV file or the first sheet of an .xlsx workbook, one question a row, in
/// six columns (question, option A, B, C, D, the right options as letters: "B", or "A, C" for two). A first row whose
/// last column is not letters is a header and is skipped; empty rows are skipped. The texts are checked by the rules
/// as a JSON bank's are; here only what the file's shape can get wrong.
/// </summary>
public static class QuestionBankFile
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int Columns = 6;
    private const string Letters = "ABCD";

    /// <summary>The questions, numbered from 1 in the file's order, or why the file is not a bank.</summary>
    public static (IReadOnlyList<QuizQuestion>? Questions, Rejection? Refusal) Read(Stream seekable, string contentType)
    {
        List<string[]> rows;
        try
        {
            rows = contentType.StartsWith(Xlsx, StringComparison.OrdinalIgnoreCase) ? XlsxRows(seekable) : CsvRows(seekable);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or CsvFormatException)
        {
            return (null, Rejection.Invalid("file", contentType.StartsWith(Xlsx, StringComparison.OrdinalIgnoreCase)
                ? "is not an .xlsx workbook that can be read"
                : $"is not CSV that can be read: {ex.Message.Split('\n')[0]}"));
        }

        var questions = new List<QuizQuestion>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace))
                continue;
            var correct = AnswerLetters(row.ElementAtOrDefault(Columns - 1));
            if (correct is null && i == 0)
                continue; // the header
            if (row.Length < Columns || row.Take(Columns - 1).Any(string.IsNullOrWhiteSpace))
                return (null, Rejection.Invalid("file", $"row {i + 1}: a question, four options and the right options' letters, in {Columns} columns"));
            if (correct is null)
                return (null, Rejection.Invalid("file", $"row {i + 1}: the right options are letters A to D (for example B, or A, C), not '{row[Columns - 1]}'"));
            questions.Add(new QuizQuestion(questions.Count + 1, row[0], row[1..(Columns - 1)], correct));
        }
        return questions.Count == 0 ? (null, Rejection.Invalid("file", "holds no question")) : (questions, null);
    }

    /// <summary>"A", "b", "A, C", "A;C", "A C": the options' indexes, ascending; null when anything else is there.</summary>
    private static IReadOnlyList<int>? AnswerLetters(string? text)
    {
        var letters = (text ?? "").ToUpperInvariant().Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (letters.Length == 0 || letters.Any(l => l.Length != 1 || !Letters.Contains(l[0])))
            return null;
        return letters.Select(l => Letters.IndexOf(l[0])).Distinct().Order().ToList();
    }

    private static List<string[]> CsvRows(Stream stream)
    {
        // The separator is detected, not assumed: Excel saves CSV with ';' where ',' is the decimal separator. The header
        // is told apart by its content (Read), so the reader takes every row as a record.
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false, MalformedData = CsvMalformedDataHandling.Throw });
        var rows = new List<string[]>();
        foreach (var row in reader)
            rows.Add(row.ToArray());
        return rows;
    }

    private static List<string[]> XlsxRows(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];
        var rows = new List<string[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new string[Columns];
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnOf(cell.CellReference?.Value);
                if (column is < 0 or >= Columns)
                    continue;
                cells[column] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index < shared.Length
                    ? shared[index]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : cell.CellValue?.Text ?? "";
            }
            rows.Add(cells.Select(c => c ?? "").ToArray());
        }
        return rows;
    }

    /// <summary>The column of a reference such as "C12" (0 for A); -1 without one.</summary>
    private static int ColumnOf(string? reference)
    {
        var letters = new string((reference ?? "").TakeWhile(char.IsAsciiLetterUpper).ToArray());
        return letters.Length == 0 ? -1 : letters.Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1)) - 1;
    }
}
