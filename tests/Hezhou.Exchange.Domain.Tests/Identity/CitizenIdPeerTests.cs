using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsCheck;
using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Tests.Identity;

// The service's verdict on a citizen ID against a peer's: python-stdnum's cn.ric (Debian python3-stdnum), run once per
// test on a whole batch. Any disagreement fails unless it is one of IntendedDifferences.
public class CitizenIdPeerTests
{
    private const int BatchSize = 4_000;
    private const string InstallHint = "apt-get install -y python3-stdnum (.ci/run installs it when missing)";

    private static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    // Reads one JSON string per line, answers one JSON object per line: stdnum's exception class (null if valid) and
    // whether its GB/T 2260 table knows the first six characters, so a disagreement can be told apart by cause.
    private const string PeerScript = """
        import json, sys
        from stdnum import numdb
        from stdnum.cn import ric
        from stdnum.exceptions import ValidationError
        loc = numdb.get('cn/loc')
        for line in sys.stdin:
            number = json.loads(line)
            try:
                ric.validate(number)
                error = None
            except ValidationError as e:
                error = type(e).__name__
            region = number[:6]
            known = len(region) == 6 and region.isdigit() and bool(loc.info(region)[0][1])
            sys.stdout.write(json.dumps({'error': error, 'region_known': known}) + '\n')
        """;

    private sealed record Verdict(string Id, bool ServiceValid, string? ServiceRule, string? PeerError, bool PeerRegionKnown)
    {
        public bool PeerValid => PeerError is null;

        public int Region => int.Parse(Id.AsSpan(0, 6), CultureInfo.InvariantCulture);

        public DateOnly? RealBirthDate =>
            DateOnly.TryParseExact(Id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
    }

    // Where the service means to differ from python-stdnum, and why. Every other disagreement is a bug on one side.
    private static readonly (string Why, Func<Verdict, bool> Covers)[] IntendedDifferences =
    [
        ("birth date before 1900: stdnum takes any real date; in a live register it is a data-entry error",
            v => !v.ServiceValid && v.PeerValid && v.ServiceRule == RuleCodes.CitizenIdBirthDate
                && v.RealBirthDate < CitizenId.EarliestBirthDate),
        ("birth date after the day of receipt: stdnum has no reference date",
            v => !v.ServiceValid && v.PeerValid && v.ServiceRule == RuleCodes.CitizenIdBirthDate
                && v.RealBirthDate > ReferenceDate),
        ("lower-case x check character: stdnum upper-cases first, the service takes the number exactly as written",
            v => !v.ServiceValid && v.PeerValid && v.ServiceRule == RuleCodes.CitizenIdCharacters && v.Id[^1] == 'x'),
        ("region code created after 2014, or a prefecture-level city without counties: stdnum's loc.dat stops at the "
            + "GB/T 2260 revision of 2014 and holds county-level codes only",
            v => v.ServiceValid && v.PeerError == "InvalidComponent" && !v.PeerRegionKnown
                && AdministrativeDivisionCodes.FromCurrentList.Contains(v.Region)),
        ("region code abolished before 2002 (or created after 2014 and abolished since): loc.dat starts with the "
            + "GB/T 2260 revision of 2002, but an ID keeps its code for life",
            v => v.ServiceValid && v.PeerError == "InvalidComponent" && !v.PeerRegionKnown
                && AdministrativeDivisionCodes.FromHistoricalLists.Contains(v.Region)),
        ("residence permit of a Hong Kong, Macao or Taiwan resident (810000, 820000, 830000): not a GB/T 2260 county",
            v => v.ServiceValid && v.PeerError == "InvalidComponent" && !v.PeerRegionKnown
                && AdministrativeDivisionCodes.ResidencePermits.Contains(v.Region)),
    ];

    private static readonly int[] StdnumCodes = AdministrativeDivisionCodes.FromStdnum.ToArray();
    private static readonly int[] CurrentCodes = AdministrativeDivisionCodes.FromCurrentList.ToArray();
    private static readonly int[] HistoricalCodes = AdministrativeDivisionCodes.FromHistoricalLists.ToArray();
    private static readonly int[] PermitCodes = AdministrativeDivisionCodes.ResidencePermits.ToArray();

    private static Gen<string> Pick(int[] codes) => Gen.Int[0, codes.Length - 1].Select(i => codes[i].ToString("D6", CultureInfo.InvariantCulture));

    private static readonly Gen<string> Region = Gen.Frequency(
        (2, Gen.OneOf(Gen.Const("451102"), Gen.Const("451103"), Gen.Const("451121"), Gen.Const("451122"), Gen.Const("451123"))),
        (3, Pick(StdnumCodes)),
        (1, Pick(CurrentCodes)),
        (1, Pick(HistoricalCodes)),
        (1, Pick(PermitCodes)),
        // A real province with made-up county digits, the likeliest typo, and any six digits at all.
        (2, Gen.Select(Pick(StdnumCodes), Gen.Int[0, 9999], (code, rest) => code[..2] + rest.ToString("D4", CultureInfo.InvariantCulture))),
        (2, Gen.Int[0, 999_999].Select(code => code.ToString("D6", CultureInfo.InvariantCulture))));

    private static string Digits(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static readonly Gen<string> BirthDigits = Gen.Frequency(
        (6, Gen.Int[CitizenId.EarliestBirthDate.DayNumber, ReferenceDate.DayNumber].Select(day => Digits(DateOnly.FromDayNumber(day)))),
        (1, Gen.Int[new DateOnly(1000, 1, 1).DayNumber, CitizenId.EarliestBirthDate.DayNumber - 1].Select(day => Digits(DateOnly.FromDayNumber(day)))),
        (1, Gen.Int[ReferenceDate.DayNumber + 1, new DateOnly(2099, 12, 31).DayNumber].Select(day => Digits(DateOnly.FromDayNumber(day)))),
        (1, Gen.Int[0, 99_999_999].Select(digits => digits.ToString("D8", CultureInfo.InvariantCulture))));

    // Mostly the right check character, so that the region and date are what is tested; sometimes any, sometimes x.
    private static readonly Gen<string> Id = Gen.Select(
        Region, BirthDigits, Gen.Int[0, 999], Gen.Frequency((17, Gen.Const(0)), (2, Gen.Const(1)), (1, Gen.Const(2))), Gen.Char["0123456789X"],
        (region, birth, sequence, check, any) =>
        {
            var first17 = $"{region}{birth}{sequence:D3}";
            var right = CitizenId.ComputeCheckCharacter(first17);
            return first17 + check switch
            {
                0 => right,
                1 => any,
                _ => char.ToLowerInvariant(right),
            };
        });

    [Fact]
    public async Task TryParse_RandomIds_AgreesWithPythonStdnumExceptIntendedDifferences()
    {
        var ids = Id.Array[BatchSize].Single();

        var verdicts = await CompareWithPeerAsync(ids);

        var unexplained = verdicts
            .Where(v => v.ServiceValid != v.PeerValid && !IntendedDifferences.Any(d => d.Covers(v)))
            .Select(v => $"{v.Id}: service {v.ServiceRule ?? "valid"}, stdnum {v.PeerError ?? "valid"}"
                + $" (region {(v.PeerRegionKnown ? "known" : "unknown")} to stdnum)")
            .ToList();
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} disagreements not listed as intended:\n{string.Join('\n', unexplained.Take(40))}");

        // The batch must exercise both verdicts, or agreement proves nothing.
        Assert.InRange(verdicts.Count(v => v.ServiceValid && v.PeerValid), BatchSize / 10, BatchSize);
        Assert.InRange(verdicts.Count(v => v.ServiceRule == RuleCodes.CitizenIdRegionUnknown), BatchSize / 20, BatchSize);
    }

    [Fact]
    public async Task RegionTables_EveryCode_AsStdnumSees()
    {
        // One otherwise valid ID per code of each table: the part copied from loc.dat must be exactly what the
        // installed stdnum knows, and the rest unknown to it; if not, the table is stale for this python3-stdnum.
        var fromStdnum = StdnumCodes.Select(IdIn).ToList();
        var beyondStdnum = CurrentCodes.Concat(HistoricalCodes).Concat(PermitCodes).Select(IdIn).ToList();

        var verdicts = await CompareWithPeerAsync([.. fromStdnum, .. beyondStdnum]);

        Assert.All(verdicts, v => Assert.True(v.ServiceValid, $"{v.Id}: {v.ServiceRule}"));
        const string Stale = "rerun /usr/bin/python3 scripts/update-region-codes.py";
        Assert.All(verdicts.Take(fromStdnum.Count), v => Assert.True(v.PeerValid, $"{v.Id}: stdnum {v.PeerError}; {Stale}"));
        Assert.All(verdicts.Skip(fromStdnum.Count), v => Assert.False(v.PeerRegionKnown, $"{v.Id} is known to stdnum; {Stale}"));
    }

    private static string IdIn(int region)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region:D6}19850312123");
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }

    private static async Task<List<Verdict>> CompareWithPeerAsync(IReadOnlyList<string> ids)
    {
        var answers = await RunPeerAsync(ids);
        Assert.True(answers.Count == ids.Count, $"stdnum answered {answers.Count} of {ids.Count} IDs");
        return ids.Select((id, i) =>
        {
            var valid = CitizenId.TryParse(id, ReferenceDate, out _, out var rule, out _);
            var answer = answers[i];
            var error = answer.GetProperty("error");
            return new Verdict(id, valid, rule,
                error.ValueKind == JsonValueKind.Null ? null : error.GetString(),
                answer.GetProperty("region_known").GetBoolean());
        }).ToList();
    }

    private static async Task<List<JsonElement>> RunPeerAsync(IReadOnlyList<string> ids)
    {
        const string Python = "/usr/bin/python3";
        Assert.True(File.Exists(Python), $"{Python} is missing: {InstallHint}");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", PeerScript },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var python = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            // Written while the answers are read, so that neither pipe fills up and stalls the other side.
            var write = Task.Run(async () =>
            {
                foreach (var id in ids)
                {
                    await python.StandardInput.WriteLineAsync(JsonSerializer.Serialize(id).AsMemory(), timeout.Token);
                }

                python.StandardInput.Close();
            }, timeout.Token);
            var output = python.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = python.StandardError.ReadToEndAsync(timeout.Token);
            await python.WaitForExitAsync(timeout.Token);
            var stderr = await errors;
            Assert.True(python.ExitCode == 0, $"stdnum peer failed ({InstallHint}):\n{stderr}");
            await write;
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .ToList();
        }
        finally
        {
            if (!python.HasExited)
            {
                python.Kill();
            }
        }
    }
}
