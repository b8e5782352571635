namespace TuyenGiao.Quizzes;

/// <summary>Grading: a question is answered right when the options ticked are exactly the right ones, no more, no fewer.</summary>
public static class QuizGrading
{
    /// <param name="key">The bank by question number.</param>
    /// <param name="answers">One per question answered (at most one each; questions left out are wrong).</param>
    public static int CorrectCount(IReadOnlyDictionary<int, QuizQuestion> key, IReadOnlyList<QuizAnswer> answers) =>
        answers.Count(a => key.TryGetValue(a.Question, out var question) && question.Correct.Order().SequenceEqual(a.Chosen.Order()));
}
