namespace Hezhou.Exchange.Domain;

// The numbering of every enum here equals the contract's, so the server maps by value; a number the contract does
// not define survives the mapping and is rejected by validation.

/// <summary>A department that exchanges data through the service.</summary>
public enum Department
{
    Unspecified = 0,
    Relocation = 1,
    HumanResources = 2,
    CivilAffairs = 3,
}

/// <summary>The kind of a source record; each kind has one authoritative department.</summary>
public enum RecordKind
{
    Unspecified = 0,
    Site = 1,
    Household = 2,
    Employment = 3,
    JobVacancy = 4,
    WelfareEntitlement = 5,
    WelfarePayment = 6,
}

public enum Gender
{
    Unspecified = 0,
    Male = 1,
    Female = 2,
}

public enum Ethnicity
{
    Unspecified = 0,
    Han = 1,
    Zhuang = 2,
    Yao = 3,
    Miao = 4,
    Dong = 5,
    Mulao = 6,
    Maonan = 7,
    Hui = 8,
    Other = 9,
}

public enum RelationToHead
{
    Unspecified = 0,
    Self = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Grandparent = 6,
    Sibling = 7,
    ChildInLaw = 8,
    Other = 9,
}

public enum LabourCapacity
{
    Unspecified = 0,
    Normal = 1,
    Skilled = 2,
    Weak = 3,
    Lost = 4,
    None = 5,
}

public enum DisabilityCategory
{
    Unspecified = 0,
    None = 1,
    Visual = 2,
    Hearing = 3,
    Speech = 4,
    Physical = 5,
    Intellectual = 6,
    Mental = 7,
    Multiple = 8,
}

public enum SiteKind
{
    Unspecified = 0,
    Urban = 1,
    Rural = 2,
}

public enum EmploymentChannel
{
    Unspecified = 0,
    LabourExport = 1,
    AssistanceWorkshop = 2,
    GuangdongGuangxiCooperation = 3,
    IndustryDriven = 4,
    SelfEmployment = 5,
    PublicWelfarePost = 6,
    Flexible = 7,
}

public enum WorkLocation
{
    Unspecified = 0,
    InCounty = 1,
    InCity = 2,
    InProvince = 3,
    OutOfProvince = 4,
}

public enum WelfareProgramme
{
    Unspecified = 0,
    UrbanDibao = 1,
    RuralDibao = 2,
    UrbanTekun = 3,
    RuralTekun = 4,
    CareAllowance = 5,
    DisabilityLivingSubsidy = 6,
    DisabilityNursingSubsidy = 7,
}

/// <summary>Which department is authoritative for, and alone may submit, each record kind.</summary>
public static class RecordAuthority
{
    public static Department DepartmentFor(RecordKind kind) => kind switch
    {
        RecordKind.Site or RecordKind.Household => Department.Relocation,
        RecordKind.Employment or RecordKind.JobVacancy => Department.HumanResources,
        RecordKind.WelfareEntitlement or RecordKind.WelfarePayment => Department.CivilAffairs,
        _ => Department.Unspecified,
    };

    public static bool MaySubmit(Department department, RecordKind kind) =>
        department != Department.Unspecified && DepartmentFor(kind) == department;
}
