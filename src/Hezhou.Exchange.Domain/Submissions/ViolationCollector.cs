namespace Hezhou.Exchange.Domain.Submissions;

/// <summary>Collects the violations of one record, each under the path of the message being checked.</summary>
internal sealed class ViolationCollector
{
    private readonly List<FieldViolation> violations;
    private readonly string prefix;

    public ViolationCollector()
        : this([], string.Empty)
    {
    }

    private ViolationCollector(List<FieldViolation> violations, string prefix)
    {
        this.violations = violations;
        this.prefix = prefix;
    }

    public IReadOnlyList<FieldViolation> Violations => violations;

    /// <summary>A collector for a nested message, e.g. <c>Under("members[2]")</c>, adding to the same list.</summary>
    public ViolationCollector Under(string field) => new(violations, PathOf(field));

    /// <summary>Records that <paramref name="field"/> breaks <paramref name="rule"/>, naming the field first.</summary>
    public void Add(string field, string rule, string description) =>
        violations.Add(new FieldViolation(PathOf(field), rule, $"{field}: {description}"));

    private string PathOf(string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
}
