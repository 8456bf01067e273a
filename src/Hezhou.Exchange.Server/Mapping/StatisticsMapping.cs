using Hezhou.Exchange.Domain.Reconciliation;
using Hezhou.Exchange.Domain.Statistics;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Mapping;

/// <summary>Maps the computed indicators onto GetStatisticsResponse, field for field.</summary>
public static class StatisticsMapping
{
    public static V1.GetStatisticsResponse ToProto(this CityIndicators indicators)
    {
        var response = new V1.GetStatisticsResponse
        {
            AsOfDate = AuditMapping.ToDate(indicators.AsOf),
            Sites = indicators.Sites,
            LargeSites = indicators.LargeSites,
            SmallSites = indicators.SmallSites,
            RelocatedPersons = indicators.RelocatedPersons,
            RelocatedHouseholds = indicators.RelocatedHouseholds,
            LabourForce = indicators.LabourForce,
            EmployedPersons = indicators.EmployedPersons,
            EmployedHouseholds = indicators.EmployedHouseholds,
            EmploymentRate = indicators.EmploymentRate.ToProto(),
            SelfEmployedPersons = indicators.SelfEmployedPersons,
            PerCapitaAnnualIncome = AuditMapping.FromFen(indicators.PerCapitaAnnualIncomeFen),
            UrbanDibaoRecipients = indicators.UrbanDibaoRecipients,
            UrbanDibaoPaid = AuditMapping.FromFen(indicators.UrbanDibaoPaidFen),
            UrbanTekunRecipients = indicators.UrbanTekunRecipients,
            UrbanTekunPaid = AuditMapping.FromFen(indicators.UrbanTekunPaidFen),
            CareAllowancePaid = AuditMapping.FromFen(indicators.CareAllowancePaidFen),
            DisabledPersons = indicators.DisabledPersons,
            DisabledLabourForce = indicators.DisabledLabourForce,
            DisabledEmployed = indicators.DisabledEmployed,
            DisabledEmploymentRate = indicators.DisabledEmploymentRate.ToProto(),
            WillingHouseholdsWithEmploymentRate = indicators.WillingHouseholdsWithEmploymentRate.ToProto(),
        };
        response.EmployedByChannel.Add(indicators.EmployedByChannel.Select(c =>
            new V1.ChannelCount { Channel = (V1.EmploymentChannel)c.Channel, Persons = c.Persons }));
        return response;
    }

    public static V1.RuleCount RuleCount(DiscrepancyRule rule, long count) => new() { Rule = (V1.DiscrepancyRule)rule, Count = count };

    private static V1.Rate ToProto(this Rate rate) =>
        new() { Numerator = rate.Numerator, Denominator = rate.Denominator, Percent = rate.Percent };
}
