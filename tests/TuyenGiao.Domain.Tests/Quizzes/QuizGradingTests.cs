using TuyenGiao.Quizzes;

namespace TuyenGiao.Domain.Tests.Quizzes;

public class QuizGradingTests
{
    private static readonly Dictionary<int, QuizQuestion> Key = QuizSpec.Bank().ToDictionary(q => q.Number);

    [Fact]
    public void Given_answers_When_graded_Then_only_exactly_the_right_options_count()
    {
        Assert.Equal(1, QuizGrading.CorrectCount(Key, [new QuizAnswer(1, [1])]));
        Assert.Equal(0, QuizGrading.CorrectCount(Key, [new QuizAnswer(1, [2])]));
        // Two right options: both, in any order; one alone or one too many is wrong.
        Assert.Equal(1, QuizGrading.CorrectCount(Key, [new QuizAnswer(12, [2, 0])]));
        Assert.Equal(0, QuizGrading.CorrectCount(Key, [new QuizAnswer(12, [0])]));
        Assert.Equal(0, QuizGrading.CorrectCount(Key, [new QuizAnswer(12, [0, 1, 2])]));
        Assert.Equal(0, QuizGrading.CorrectCount(Key, [new QuizAnswer(1, [1, 2])]));
        Assert.Equal(0, QuizGrading.CorrectCount(Key, [new QuizAnswer(99, [1])]));
        Assert.Equal(3, QuizGrading.CorrectCount(Key, [new QuizAnswer(1, [1]), new QuizAnswer(2, [2]), new QuizAnswer(3, [0]), new QuizAnswer(4, [0])]));
    }
}
