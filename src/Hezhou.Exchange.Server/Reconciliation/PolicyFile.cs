using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Server.Reconciliation;

/// <summary>
/// Reads the reconciliation policy from its JSON file (Reconciliation:PolicyPath, default policy.json beside the
/// server). A policy that cannot be read stops the server at start, with a message naming the file and the fault.
/// </summary>
public static class PolicyFile
{
    public const string DefaultFileName = "policy.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ReconciliationPolicy Load(string path)
    {
        try
        {
            var document = JsonSerializer.Deserialize<PolicyDocument>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException("the file is empty");
            return document.ToPolicy();
        }
        catch (Exception exception) when (exception is IOException or JsonException or InvalidDataException
            or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The reconciliation policy {path} cannot be used: {exception.Message}", exception);
        }
    }

    private sealed record PolicyDocument(
        Dictionary<FieldGroup, List<Department>>? Precedence,
        List<DibaoStandardStep>? DibaoStandards,
        List<StableEmploymentStep>? StableEmployment,
        int? MinimumWorkingAge)
    {
        public ReconciliationPolicy ToPolicy()
        {
            var precedence = Precedence ?? throw new InvalidDataException("\"precedence\" is missing");
            foreach (var group in Enum.GetValues<FieldGroup>())
            {
                if (!precedence.TryGetValue(group, out var departments) || departments.Count == 0)
                {
                    throw new InvalidDataException($"\"precedence\" names no department for {group}");
                }
            }

            return new ReconciliationPolicy(
                precedence.ToDictionary(p => p.Key, p => (IReadOnlyList<Department>)p.Value),
                new ThresholdSchedule<DibaoStandard>((DibaoStandards ?? throw new InvalidDataException("\"dibaoStandards\" is missing"))
                    .Select(s => (Date(s.EffectiveFrom), new DibaoStandard(Fen(s.UrbanMonthly), Fen(s.RuralMonthly))))),
                new ThresholdSchedule<int>((StableEmployment ?? throw new InvalidDataException("\"stableEmployment\" is missing"))
                    .Select(s => (Date(s.EffectiveFrom), s.MinimumDays))),
                MinimumWorkingAge ?? throw new InvalidDataException("\"minimumWorkingAge\" is missing"));
        }

        private static DateOnly Date(string text) =>
            DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static long Fen(string yuan)
        {
            var amount = decimal.Parse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (amount * 100 != decimal.Truncate(amount * 100))
            {
                throw new InvalidDataException($"{yuan} is not exact to the fen");
            }
            return (long)(amount * 100);
        }
    }

    private sealed record DibaoStandardStep(string EffectiveFrom, string UrbanMonthly, string RuralMonthly);

    private sealed record StableEmploymentStep(string EffectiveFrom, int MinimumDays);
}
