using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.DataSet;

/// <summary>
/// Generates the three departments' submissions for a city shaped like Hezhou that, pushed through the service and
/// reconciled, gives exactly the figures of the city's report (DESIGN section 7) and no discrepancy — unless asked to
/// plant some, which it then reports with the keys reconciliation will give them.
/// </summary>
/// <remarks>
/// Deterministic: the same options give the same records byte for byte, on any machine. A scale of N lays out N
/// copies of the city side by side, each with its own 25 sites ("…二期", "…三期"), households and persons, so every
/// count and sum is N times the report's and every rate and the per-capita income are the report's.
/// </remarks>
public static class DataSetGenerator
{
    public static GeneratedDataSet Generate(DataSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scale is < 1 or > DataSetOptions.MaximumScale)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.Scale, $"Scale must be 1 to {DataSetOptions.MaximumScale}.");
        }

        foreach (var (rule, count) in options.Inject ?? new Dictionary<DiscrepancyRule, int>())
        {
            if (rule == DiscrepancyRule.Unspecified || !Enum.IsDefined(rule) || count < 0)
            {
                throw new ArgumentException($"Cannot inject {count} of {rule}.", nameof(options));
            }
        }

        var plan = new CityPlan();
        var ids = new CitizenIdAllocator();
        var employers = new EmployerCatalogue(options.Seed);
        for (var copy = 0; copy < options.Scale; copy++)
        {
            var replica = CityPlanner.AddPeople(plan, options.Seed, copy, ids);
            WelfarePlanner.AddWelfare(plan, replica, options.Seed);
            WorkPlanner.AddJobs(plan, replica, employers, options.Seed);
            WorkPlanner.AddVacancies(plan, replica, employers, options.Seed);
        }

        var injected = DiscrepancyInjector.Inject(plan, options, ids);
        return new GeneratedDataSet(options, plan, injected);
    }
}
