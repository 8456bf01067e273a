using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

/// <summary>Builds a reconciliation unit record by record; source keys are numbered unless a test names them.</summary>
internal sealed class UnitBuilder
{
    public const string DefaultHouseholdId = "HZ-451102-000123";
    public const string SiteCode = "HZ-SITE-01";
    public static readonly DateOnly RelocationDate = new(2019, 12, 20);

    private readonly string? householdId;
    private readonly string? unheldCitizenId;
    private readonly List<MemberFact> members = [];
    private readonly List<EmploymentFact> employments = [];
    private readonly List<EntitlementFact> entitlements = [];
    private readonly List<PaymentFact> payments = [];
    private readonly Dictionary<string, List<SourceReference>> otherHouseholds = new(StringComparer.Ordinal);
    private DateOnly relocationDate = RelocationDate;
    private SiteKind? siteKind = SiteKind.Urban;
    private int numbered;

    private UnitBuilder(string? householdId, string? unheldCitizenId)
    {
        this.householdId = householdId;
        this.unheldCitizenId = unheldCitizenId;
    }

    public static UnitBuilder Household(params MemberFact[] members) => HouseholdWithId(DefaultHouseholdId, members);

    public static UnitBuilder HouseholdWithId(string householdId, params MemberFact[] members)
    {
        var builder = new UnitBuilder(householdId, null);
        builder.members.AddRange(members);
        return builder;
    }

    public static UnitBuilder UnheldPerson(string citizenId) => new(null, citizenId);

    public static SourceReference HouseholdSource(string householdId = DefaultHouseholdId) =>
        new(Department.Relocation, RecordKind.Household, householdId, 1);

    public static SourceReference SiteSource() => new(Department.Relocation, RecordKind.Site, SiteCode, 1);

    public static SourceReference EmploymentSource(string key) =>
        new(Department.HumanResources, RecordKind.Employment, key, 1);

    public static SourceReference EntitlementSource(string key) =>
        new(Department.CivilAffairs, RecordKind.WelfareEntitlement, key, 1);

    public static SourceReference PaymentSource(string key) => new(Department.CivilAffairs, RecordKind.WelfarePayment, key, 1);

    public UnitBuilder AtSite(SiteKind kind)
    {
        siteKind = kind;
        return this;
    }

    public UnitBuilder WithoutSite()
    {
        siteKind = null;
        return this;
    }

    public UnitBuilder RelocatedOn(DateOnly day)
    {
        relocationDate = day;
        return this;
    }

    public UnitBuilder Employed(
        string citizenId,
        DateOnly start,
        DateOnly? end = null,
        long incomeFen = 3200_00,
        string? key = null,
        string? name = null,
        Gender? gender = null,
        DateOnly? birthDate = null)
    {
        employments.Add(new EmploymentFact(
            EmploymentSource(key ?? $"EMP-{++numbered:D3}"),
            Claim(citizenId, name, gender, birthDate),
            EmploymentChannel.AssistanceWorkshop,
            "贺州市八步区帮扶车间有限公司",
            "9144030071526726XG",
            WorkLocation.InCounty,
            "广西贺州市八步区",
            new DatePeriod(start, end),
            incomeFen));
        return this;
    }

    public UnitBuilder Entitled(
        string citizenId,
        WelfareProgramme programme,
        DateOnly start,
        DateOnly? end = null,
        string? key = null,
        string? name = null)
    {
        entitlements.Add(new EntitlementFact(
            EntitlementSource(key ?? $"ENT-{++numbered:D3}"),
            Claim(citizenId, name, null, null),
            programme,
            new DatePeriod(start, end),
            520_50));
        return this;
    }

    public UnitBuilder Paid(
        string citizenId, WelfareProgramme programme, DateOnly month, string? key = null, string? name = null)
    {
        payments.Add(new PaymentFact(
            PaymentSource(key ?? $"PAY-{++numbered:D3}"),
            "ENT-X",
            Claim(citizenId, name, null, null),
            programme,
            month,
            520_50,
            month.AddDays(9)));
        return this;
    }

    public UnitBuilder AlsoListedBy(string citizenId, string otherHouseholdId)
    {
        if (!otherHouseholds.TryGetValue(citizenId, out var others))
        {
            otherHouseholds[citizenId] = others = [];
        }

        others.Add(HouseholdSource(otherHouseholdId));
        return this;
    }

    public ReconciliationUnit Build()
    {
        var household = householdId is null
            ? null
            : new HouseholdFact(HouseholdSource(householdId), householdId, SiteCode, "3栋2单元501", relocationDate, [.. members]);
        var site = household is null || siteKind is not { } kind
            ? null
            : new SiteFact(SiteSource(), SiteCode, "八步区江北安置区", "451102", kind);
        return new ReconciliationUnit(
            householdId is not null ? UnitKey.Household(householdId) : UnitKey.UnheldPerson(unheldCitizenId!),
            household,
            site,
            unheldCitizenId,
            [.. employments],
            [.. entitlements],
            [.. payments],
            otherHouseholds.ToDictionary(p => p.Key, p => (IReadOnlyList<SourceReference>)[.. p.Value], StringComparer.Ordinal));
    }

    /// <summary>The unit with every list in a shuffled order, to show that order does not matter.</summary>
    public static ReconciliationUnit Shuffled(ReconciliationUnit unit, int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<T> Shuffle<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => random.Next())];
        return unit with
        {
            Household = unit.Household is { } h ? h with { Members = Shuffle(h.Members) } : null,
            Employments = Shuffle(unit.Employments),
            Entitlements = Shuffle(unit.Entitlements),
            Payments = Shuffle(unit.Payments),
            OtherHouseholds = Shuffle(unit.OtherHouseholds).ToDictionary(p => p.Key, p => Shuffle(p.Value), StringComparer.Ordinal),
        };
    }

    // Other departments name a person as the relocation office does unless a test says otherwise.
    private PersonClaim Claim(string citizenId, string? name, Gender? gender, DateOnly? birthDate) =>
        new(citizenId, name ?? members.FirstOrDefault(m => m.CitizenId == citizenId)?.Name ?? "韦某", gender, birthDate);
}
