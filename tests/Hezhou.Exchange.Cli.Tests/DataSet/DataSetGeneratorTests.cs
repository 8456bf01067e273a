using System.Security.Cryptography;
using Google.Protobuf;
using Hezhou.Exchange.DataSet;
using Hezhou.Exchange.Domain.Reconciliation;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli.Tests.DataSet;

public sealed class DataSetGeneratorTests
{
    [Fact]
    public void Generate_SameSeedTwice_GivesTheSameBytes()
    {
        var first = GeneratedCity.Default;

        var again = DataSetGenerator.Generate(new DataSetOptions());
        var otherSeed = DataSetGenerator.Generate(new DataSetOptions(Seed: 7));

        Assert.Equal(Digest(first.Relocation), Digest(again.Relocation));
        Assert.Equal(Digest(first.HumanResources), Digest(again.HumanResources));
        Assert.Equal(Digest(first.CivilAffairs), Digest(again.CivilAffairs));
        Assert.NotEqual(Digest(first.Relocation), Digest(otherSeed.Relocation));
        Assert.NotEqual(Digest(first.HumanResources.Take(1_000)), Digest(otherSeed.HumanResources.Take(1_000)));
        Assert.NotEqual(Digest(first.CivilAffairs.Take(1_000)), Digest(otherSeed.CivilAffairs.Take(1_000)));
    }

    [Fact]
    public void Generate_ScaleTwo_DoublesEveryCountAndKeepsTheRates()
    {
        var city = GeneratedCity.Of(DataSetGenerator.Generate(new DataSetOptions(Scale: 2)));
        var members = city.Relocation.Where(r => r.Household is not null).SelectMany(r => r.Household.Members).ToList();

        var figures = CityFigures.Compute(city, CityFigures.ReportDate);

        Assert.Equal(2 * 61_620, city.DataSet.Persons);
        Assert.Equal(members.Count, members.Select(m => m.CitizenId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(new[] { city.Relocation, city.HumanResources, city.CivilAffairs }, records =>
            Assert.Equal(records.Count, records.Select(r => (r.ContentCase, r.SourceKey)).Distinct().Count()));
        var seed = CityFigures.SeedReport;
        Assert.Equal(
            seed with
            {
                Sites = 2 * seed.Sites,
                LargeSites = 2 * seed.LargeSites,
                SmallSites = 2 * seed.SmallSites,
                RelocatedPersons = 2 * seed.RelocatedPersons,
                RelocatedHouseholds = 2 * seed.RelocatedHouseholds,
                LabourForce = 2 * seed.LabourForce,
                EmployedPersons = 2 * seed.EmployedPersons,
                EmployedHouseholds = 2 * seed.EmployedHouseholds,
                SelfEmployedPersons = 2 * seed.SelfEmployedPersons,
                UrbanDibaoRecipients = 2 * seed.UrbanDibaoRecipients,
                UrbanDibaoPaid = "101,230,000.00",
                UrbanTekunRecipients = 2 * seed.UrbanTekunRecipients,
                UrbanTekunPaid = "16,170,000.00",
                CareAllowancePaid = "4,982,000.00",
                DisabledPersons = 2 * seed.DisabledPersons,
                DisabledLabourForce = 2 * seed.DisabledLabourForce,
                DisabledEmployed = 2 * seed.DisabledEmployed,
            },
            figures);
    }

    [Fact]
    public void Generate_InjectingOneRule_LeavesEverythingElseAsItWas()
    {
        var clean = GeneratedCity.Default;

        var withStrangers = DataSetGenerator.Generate(new DataSetOptions(Inject: new Dictionary<DiscrepancyRule, int>
        {
            [DiscrepancyRule.UnknownPerson] = 2,
        }));

        Assert.Equal(clean.Relocation, withStrangers.Relocation);
        Assert.Equal(clean.CivilAffairs, withStrangers.CivilAffairs);
        var employments = clean.HumanResources.Count(r => r.Employment is not null);
        Assert.Equal(clean.HumanResources.Take(employments), withStrangers.HumanResources.Take(employments));
        Assert.Equal(2, withStrangers.HumanResources.Count(r => r.Employment is not null) - employments);
        Assert.Equal(2, withStrangers.Injected.Count);
    }

    [Fact]
    public void Generate_MoreCasesThanTheCityHolds_SaysSo()
    {
        var options = new DataSetOptions(Inject: new Dictionary<DiscrepancyRule, int> { [DiscrepancyRule.DuplicateMembership] = 1_000_000 });

        Assert.Throws<ArgumentException>(() => DataSetGenerator.Generate(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Generate_ScaleOutOfRange_IsRefused(int scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSetGenerator.Generate(new DataSetOptions(Scale: scale)));
    }

    [Fact]
    public void Generate_NegativeCount_IsRefused()
    {
        var options = new DataSetOptions(Inject: new Dictionary<DiscrepancyRule, int> { [DiscrepancyRule.UnknownPerson] = -1 });

        Assert.Throws<ArgumentException>(() => DataSetGenerator.Generate(options));
    }

    private static string Digest(IEnumerable<V1.SubmissionRecord> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var record in records)
        {
            var bytes = record.ToByteArray();
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
