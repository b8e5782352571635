using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>A question bank from the files organisers keep: CSV (either separator) and .xlsx; what a file gets wrong is named by its row.</summary>
[Collection(NodeCollection.Name)]
public class QuestionBankFileTests(NodeFixture fixture)
{
    private const string Header = "Câu hỏi,A,B,C,D,Đáp án";

    private static (IReadOnlyList<TuyenGiao.Quizzes.QuizQuestion>? Questions, TuyenGiao.Common.Rejection? Refusal) ReadCsv(string text) =>
        QuestionBankFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "text/csv; charset=utf-8");

    /// <summary>A workbook whose first sheet holds these rows as inline strings.</summary>
    public static byte[] Workbook(params string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
                data.Append(new Row(rows[r].Select((text, c) => new Cell
                {
                    CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)),
                })) { RowIndex = (uint)(r + 1) });
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Câu hỏi" }));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Given_a_csv_with_a_header_quotes_and_two_right_options_When_read_Then_each_row_is_a_question_in_order()
    {
        var (questions, refusal) = ReadCsv($""""
            {Header}
            "Đảng Cộng sản Việt Nam ra đời năm nào?",1925,1930,1945,1954,B

            "Câu có dấu phẩy, và ""ngoặc kép""",Một,Hai,Ba,Bốn,"a, c"
            """");

        Assert.Null(refusal);
        Assert.Equal([(1, "Đảng Cộng sản Việt Nam ra đời năm nào?", "1"), (2, "Câu có dấu phẩy, và \"ngoặc kép\"", "0,2")],
            questions!.Select(q => (q.Number, q.Text, string.Join(',', q.Correct))));
        Assert.Equal(["1925", "1930", "1945", "1954"], questions![0].Options);
    }

    [Fact]
    public void Given_a_csv_saved_by_excel_with_semicolons_and_no_header_When_read_Then_the_first_row_is_a_question()
    {
        var (questions, refusal) = ReadCsv("Câu 1?;A1;B1;C1;D1;D\nCâu 2?;A2;B2;C2;D2;A;\n");

        Assert.Null(refusal);
        Assert.Equal([[3], [0]], questions!.Select(q => q.Correct.ToArray()));
    }

    [Theory]
    [InlineData("Câu 1?,A,B,C,D,B\nCâu 2?,A,B,C,D,E\n", "row 2")]
    [InlineData("Câu 1?,A,B,C,D,B\nCâu 2?,A,B,C,D\n", "row 2")]
    [InlineData("Câu 1?,A,B,C,D,B\nCâu 2?,A,,C,D,B\n", "row 2")]
    [InlineData("Câu hỏi,A,B,C,D,Đáp án\n", "no question")]
    [InlineData("Câu 1?,A,B,C,D,B\nCâu 2?,A,B,C,D,AB\n", "row 2")]
    public void Given_a_row_the_file_gets_wrong_When_read_Then_refused_naming_it(string csv, string named)
    {
        var (questions, refusal) = ReadCsv(csv);

        Assert.Null(questions);
        Assert.Equal("file", refusal!.Field);
        Assert.Contains(named, refusal.Reason);
    }

    [Fact]
    public void Given_an_xlsx_workbook_When_read_Then_its_first_sheet_is_the_bank_and_a_broken_one_is_refused()
    {
        var (questions, refusal) = QuestionBankFile.Read(new MemoryStream(Workbook(
            ["Câu hỏi", "A", "B", "C", "D", "Đáp án"], ["Hồ Chí Minh sinh năm nào?", "1890", "1891", "1892", "1893", "A"])), QuestionBankFile.Xlsx);
        Assert.Null(refusal);
        Assert.Equal("Hồ Chí Minh sinh năm nào?", questions!.Single().Text);
        Assert.Equal([0], questions!.Single().Correct);

        var (none, broken) = QuestionBankFile.Read(new MemoryStream("not a zip"u8.ToArray()), QuestionBankFile.Xlsx);
        Assert.Null(none);
        Assert.Equal("file", broken!.Field);
    }

    [Fact]
    public async Task Given_a_quiz_contest_without_rules_When_a_bank_is_loaded_as_JSON_or_a_file_Then_422_naming_the_rules_and_nothing_stored()
    {
        var node = fixture.Node;
        var contest = await ContestScenario.CreateAsync(node.Http, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), kind: "Quiz");
        var root = $"/api/quizzes/{contest.ContestId}";

        var json = await AssertProblem(await node.Http.PutJson($"{root}/bank", new { questions = new[] { new { text = "Câu 1?", options = new[] { "A", "B", "C", "D" }, correct = new[] { 0 } } } }),
            HttpStatusCode.UnprocessableEntity, "contestId");
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\nCâu 1?,A,B,C,D,A\n"));
        csv.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        await AssertProblem(await node.Http.PutAsync($"{root}/bank/file", csv), HttpStatusCode.UnprocessableEntity, "contestId");

        Assert.Contains("rules first", json.GetProperty("detail").GetString());
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", $"quiz/{contest.ContestId}")));
    }

    [Fact]
    public async Task Given_an_organiser_When_they_upload_a_csv_or_an_xlsx_bank_Then_it_replaces_the_bank_and_another_type_is_415()
    {
        var node = fixture.Node;
        var contest = await ContestScenario.CreateAsync(node.Http, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), kind: "Quiz");
        var root = $"/api/quizzes/{contest.ContestId}";
        await Read<QuizResponse>(await node.Http.PutJson($"{root}/rules", new
        {
            questionsPerAttempt = 2, timeLimitMinutes = 10, attemptsPerRound = 1, counting = "First",
            rounds = new[] { new { opensAt = DateTimeOffset.UtcNow.AddDays(1), closesAt = DateTimeOffset.UtcNow.AddDays(8) } }, predictionQuestion = "Bao nhiêu người?",
        }), HttpStatusCode.OK);

        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\nCâu 1?,A,B,C,D,A\nCâu 2?,A,B,C,D,B\nCâu 3?,A,B,C,D,C\n"));
        csv.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        Assert.Equal(3, (await Read<QuizResponse>(await node.Http.PutAsync($"{root}/bank/file", csv), HttpStatusCode.OK)).BankSize);

        var xlsx = new ByteArrayContent(Workbook(["Câu 1?", "A", "B", "C", "D", "A"], ["Câu 2?", "A", "B", "C", "D", "B"]));
        xlsx.Headers.ContentType = new(QuestionBankFile.Xlsx);
        Assert.Equal(2, (await Read<QuizResponse>(await node.Http.PutAsync($"{root}/bank/file", xlsx), HttpStatusCode.OK)).BankSize);

        var bad = new ByteArrayContent(Encoding.UTF8.GetBytes("Câu 1?,A,B,C,D,Z\n"));
        bad.Headers.ContentType = new("text/csv");
        await AssertProblem(await node.Http.PutAsync($"{root}/bank/file", bad), HttpStatusCode.BadRequest, "file");
        var json = new StringContent("{}", Encoding.UTF8, "application/json");
        await AssertProblem(await node.Http.PutAsync($"{root}/bank/file", json), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        Assert.Equal(2, (await Read<QuizResponse>(await node.Http.GetAsync(root), HttpStatusCode.OK)).BankSize);
    }
}
