namespace Hezhou.Exchange.Domain.Reconciliation;

/// <summary>When an employment counts as active or stable (稳定就业), and how old a person is on a day.</summary>
public static class EmploymentStability
{
    /// <summary>Whether the employment covers the day; its first and last days count.</summary>
    public static bool IsActiveOn(EmploymentFact employment, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(employment);
        return employment.Period.Contains(day);
    }

    /// <summary>
    /// Whether the employment is active on the day and has lasted at least the minimum in force that day, counting
    /// both its first day and the day itself. Before the policy's first minimum takes effect there is no minimum,
    /// and being active is enough: that is the glossary's definition of stable employment.
    /// </summary>
    public static bool IsStableOn(EmploymentFact employment, DateOnly day, ReconciliationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(employment);
        return IsStableOn(employment.Period, day, policy);
    }

    /// <summary>The same test on an employment's period alone.</summary>
    public static bool IsStableOn(DatePeriod period, DateOnly day, ReconciliationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!period.Contains(day))
        {
            return false;
        }

        var minimumDays = policy.StableEmploymentMinimumDays.TryGetValueAt(day, out var days) ? days : 0;
        return day.DayNumber - period.Start.DayNumber + 1 >= minimumDays;
    }

    /// <summary>The days from the employment's start to the day, both counted: 1 on its first day.</summary>
    public static int DaysLastedOn(EmploymentFact employment, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(employment);
        return day.DayNumber - employment.Period.Start.DayNumber + 1;
    }

    /// <summary>
    /// Age in completed years on the day (周岁): a person turns N on their birthday. Someone born on 29 February
    /// turns a year older on 1 March in a year without one, the day after 28 February, because only then have they
    /// completed the year; negative before birth.
    /// </summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return day < BirthdayIn(birthDate, day.Year) ? age - 1 : age;
    }

    /// <summary>The day a person born on <paramref name="birthDate"/> turns <paramref name="age"/>.</summary>
    public static DateOnly DayOfTurning(DateOnly birthDate, int age) => BirthdayIn(birthDate, birthDate.Year + age);

    private static DateOnly BirthdayIn(DateOnly birthDate, int year) =>
        birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, birthDate.Month, birthDate.Day);
}
