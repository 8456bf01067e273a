namespace Hezhou.Exchange.Domain.Submissions;

/// <summary>
/// One broken rule of one field: the field's snake_case path inside the record (e.g.
/// "household.members[2].citizen_id"), a stable rule code (e.g. "CITIZEN_ID_CHECK_CHARACTER") and a description
/// that names the rule and, where it helps, the offending value.
/// </summary>
public sealed record FieldViolation(string Field, string Rule, string Description);
