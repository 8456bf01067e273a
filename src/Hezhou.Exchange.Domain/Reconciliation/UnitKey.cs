namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>
/// The key of a unit of reconciliation: a household, by its household ID, or a person no household holds, by
/// "person:" and their citizen ID. The reconciled tables keep it as <see cref="Value"/>.
/// </summary>
public readonly record struct UnitKey : IComparable<UnitKey>
{
    public const string UnheldPersonPrefix = "person:";

    private UnitKey(string value) => Value = value;

    /// <summary>The key as stored: the household ID, or "person:" and the citizen ID.</summary>
    public string Value { get; }

    /// <summary>Whether the unit is a person no household holds.</summary>
    public bool IsUnheldPerson => Value.StartsWith(UnheldPersonPrefix, StringComparison.Ordinal);

    /// <summary>The household's ID; null for an unheld person.</summary>
    public string? HouseholdId => IsUnheldPerson ? null : Value;

    /// <summary>The unheld person's citizen ID; null for a household.</summary>
    public string? UnheldCitizenId => IsUnheldPerson ? Value[UnheldPersonPrefix.Length..] : null;

    public static UnitKey Household(string householdId) => new(householdId);

    public static UnitKey UnheldPerson(string citizenId) => new(UnheldPersonPrefix + citizenId);

    /// <summary>The key a stored value names.</summary>
    public static UnitKey Parse(string value) => new(value);

    public int CompareTo(UnitKey other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
