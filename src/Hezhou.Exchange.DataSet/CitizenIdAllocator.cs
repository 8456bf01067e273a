using System.Globalization;
using Hezhou.Exchange.Domain.Identity;
using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>Hands out citizen IDs (GB 11643-1999) that are valid and never repeat within a data set.</summary>
/// <remarks>
/// An ID is region, birth date, a 3-digit sequence whose last digit is odd for men and even for women, and the
/// check character. Each region and birth date has its own sequence counters, started at a point derived from both so
/// that the numbers do not all begin at 001.
/// </remarks>
internal sealed class CitizenIdAllocator
{
    private const int SequencesPerGender = 500;

    private readonly Dictionary<(string Region, int Day, bool Male), int> issued = [];

    public string Next(string regionCode, DateOnly birthDate, V1.Gender gender)
    {
        var male = gender == V1.Gender.Male;
        var key = (regionCode, birthDate.DayNumber, male);
        var count = issued.GetValueOrDefault(key);
        if (count >= SequencesPerGender)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"More than {SequencesPerGender} people of one gender born on {birthDate:yyyy-MM-dd} in {regionCode}."));
        }

        issued[key] = count + 1;
        var start = (int)(((uint)birthDate.DayNumber * 2654435761u + uint.Parse(regionCode, CultureInfo.InvariantCulture)) % 120);
        var sequence = (2 * ((start + count) % SequencesPerGender)) + (male ? 1 : 0);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{birthDate:yyyyMMdd}{sequence:D3}");
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }
}
