using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

/// <summary>Assertions on what the validator reports: field paths and rule codes, never message text.</summary>
internal static class Expect
{
    public static void Valid(RecordContent content) => Violations(content);

    public static void Violations(RecordContent? content, params (string Field, string Rule)[] expected) =>
        Violations(Samples.Record(content), expected);

    public static void Violations(SubmittedRecord record, params (string Field, string Rule)[] expected)
    {
        var violations = SubmissionValidator.Validate(record, Samples.ReferenceDate);

        Assert.Equal(expected, violations.Select(v => (v.Field, v.Rule)));
    }
}
