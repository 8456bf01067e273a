namespace Hezhou.Exchange.DataSet;

/// <summary>
/// The figures of the city's own report (DESIGN section 7) that one copy of the generated city reproduces exactly,
/// as of <see cref="AsOf"/>, and the household mix chosen to carry them.
/// </summary>
internal static class SeedFigures
{
    /// <summary>The report's date: "截止2023年12月".</summary>
    public static readonly DateOnly AsOf = new(2023, 12, 31);

    public const int Sites = 25;
    public const int LargeSites = 16;
    public const int Persons = 61_620;
    public const int LabourForce = 30_164;
    public const int EmployedPersons = 28_469;
    public const int EmployedHouseholds = 12_296;
    public const int SelfEmployedPersons = 483;
    public const int UrbanDibaoRecipients = 10_635;
    public const long UrbanDibaoPaidYuan = 50_615_000;
    public const int UrbanTekunRecipients = 894;
    public const long UrbanTekunPaidYuan = 8_085_000;
    public const long CareAllowancePaidYuan = 2_491_000;
    public const int DisabledPersons = 3_858;
    public const int DisabledLabourForce = 1_509;
    public const int DisabledEmployed = 888;

    /// <summary>
    /// Monthly income of every employment active on the report's date, in fen: 14,052.35 yuan a year per person is
    /// exactly 7,215,881,725 fen a month over 61,620 persons.
    /// </summary>
    public const long MonthlyIncomeFen = 7_215_881_725;

    // The household mix: households whose members are all outside the labour force or unwilling to work, and
    // single-person households of extreme-hardship (tekun) recipients, rural ones at rural sites.
    public const int NonWorkingHouseholds = 840;
    public const int RuralTekunRecipients = 566;

    /// <summary>Labour-force members without stable employment who live in households where nobody is employed.</summary>
    public const int UnemployedInNonWorkingHouseholds = 400;

    /// <summary>Members of non-working households outside the labour force.</summary>
    public const int NonLabourInNonWorkingHouseholds = 1_600;

    public const int UnemployedLabourForce = LabourForce - EmployedPersons;
    public const int DisabledUnemployed = DisabledLabourForce - DisabledEmployed;
    public const int DisabledOutsideLabourForce = DisabledPersons - DisabledLabourForce;
    public const int TekunHouseholds = UrbanTekunRecipients + RuralTekunRecipients;

    public const int NonLabourInEmployedHouseholds =
        Persons - TekunHouseholds - UnemployedInNonWorkingHouseholds - NonLabourInNonWorkingHouseholds
        - EmployedPersons - (UnemployedLabourForce - UnemployedInNonWorkingHouseholds);
}
