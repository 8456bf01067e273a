using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Cli;

/// <summary>
/// How the client names the contract's enum values: in Chinese as departments write them in their spreadsheets, and
/// in English kebab-case (the proto name without its prefix, e.g. "labour-export") as scripts type them.
/// </summary>
internal static class EnumLabels
{
    // Indexed by the value's number; index 0 (unspecified) is written as an empty cell.
    private static readonly Dictionary<Type, string[]> ChineseLabels = new()
    {
        [typeof(Department)] = ["", "易地搬迁办", "人社局", "民政局"],
        [typeof(RecordKind)] = ["", "安置点", "搬迁户", "就业", "用工需求", "救助资格", "救助发放"],
        [typeof(Gender)] = ["", "男", "女"],
        [typeof(Ethnicity)] = ["", "汉族", "壮族", "瑶族", "苗族", "侗族", "仫佬族", "毛南族", "回族", "其他民族"],
        [typeof(RelationToHead)] = ["", "户主", "配偶", "子女", "父母", "孙子女", "祖父母", "兄弟姐妹", "儿媳女婿", "其他"],
        [typeof(LabourCapacity)] = ["", "普通劳动力", "技能劳动力", "弱劳动力", "丧失劳动力", "无劳动力"],
        [typeof(DisabilityCategory)] = ["", "无", "视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾", "多重残疾"],
        [typeof(SiteKind)] = ["", "城镇", "农村"],
        [typeof(EmploymentChannel)] = ["", "劳务输出", "帮扶车间", "粤桂协作", "产业带动", "自主创业", "公益岗位", "灵活就业"],
        [typeof(WorkLocation)] = ["", "县内", "市内县外", "区内市外", "区外"],
        [typeof(WelfareProgramme)] = ["", "城市低保", "农村低保", "城市特困", "农村特困", "照料护理费", "困难残疾人生活补贴", "重度残疾人护理补贴"],
        [typeof(DiscrepancyRule)] =
        [
            "", "身份信息不一致", "一人多户", "死亡后享受待遇", "城乡低保重复", "低保特困重复", "城镇安置享受农村待遇",
            "收入超过低保标准", "零就业家庭", "无劳动能力就业", "查无此人",
        ],
        [typeof(Severity)] = ["", "提示", "警告", "严重"],
        [typeof(DiscrepancyStatus)] = ["", "待处理", "已确认", "已豁免", "已解决"],
        [typeof(DiscrepancyAnswer)] = ["", "将更正", "有异议"],
        [typeof(BatchState)] = ["", "已接收", "已核对"],
        [typeof(RecordOutcome)] = ["", "已接受", "未变化", "已拒绝"],
        [typeof(LedgerChain)] = ["", "源记录版本", "访问日志"],
        [typeof(LedgerBreakKind)] = ["", "内容被改", "链接被改", "记录缺失", "链头不符", "链外记录", "锚点不符", "索引不符", "引用断开"],
    };

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Label>> Cache = new();

    /// <summary>The Chinese label, e.g. "帮扶车间"; empty for the unspecified value, the number for an unknown one.</summary>
    public static string Chinese<T>(T value) where T : struct, Enum => Find(value)?.Chinese ?? Number(value);

    /// <summary>The English name, e.g. "assistance-workshop"; empty for the unspecified value, the number for an unknown one.</summary>
    public static string English<T>(T value) where T : struct, Enum => Find(value)?.English ?? Number(value);

    /// <summary>Both, for readers of either language: "帮扶车间 / assistance-workshop".</summary>
    public static string Bilingual<T>(T value) where T : struct, Enum => Find(value) switch
    {
        null => Number(value),
        { Number: 0 } => "",
        var label when label.Chinese.Length == 0 => label.English,
        var label => $"{label.Chinese} / {label.English}",
    };

    /// <summary>
    /// Reads a value as written in a file or typed on the command line: its Chinese label, its English name (any case,
    /// with hyphens, underscores or spaces), its proto name (e.g. "GENDER_MALE") or its number. Empty is unspecified.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return true;
        }
        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = (T)Enum.ToObject(typeof(T), number);
            return true;
        }
        var normalized = Normalize(trimmed);
        foreach (var label in LabelsOf(typeof(T)))
        {
            if (label.Number != 0
                && (label.Chinese == trimmed || label.English == normalized || Normalize(label.ProtoName) == normalized))
            {
                value = (T)Enum.ToObject(typeof(T), label.Number);
                return true;
            }
        }
        return false;
    }

    /// <summary>The values a reader accepts, for error messages: "男 / male, 女 / female".</summary>
    public static string Accepted<T>() where T : struct, Enum =>
        string.Join(", ", LabelsOf(typeof(T)).Where(l => l.Number != 0)
            .Select(l => l.Chinese.Length == 0 ? l.English : $"{l.Chinese} / {l.English}"));

    /// <summary>The English names of every specified value, for help texts.</summary>
    public static IEnumerable<string> EnglishNames<T>() where T : struct, Enum =>
        LabelsOf(typeof(T)).Where(l => l.Number != 0).Select(l => l.English);

    private static Label? Find<T>(T value) where T : struct, Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        return LabelsOf(typeof(T)).FirstOrDefault(l => l.Number == number);
    }

    private static string Number<T>(T value) where T : struct, Enum =>
        Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string Normalize(string text) =>
        text.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');

    private static IReadOnlyList<Label> LabelsOf(Type type) => Cache.GetOrAdd(type, static type =>
    {
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static);
        var protoNames = fields.ToDictionary(
            f => Convert.ToInt32(f.GetValue(null), CultureInfo.InvariantCulture),
            f => f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name);
        // Every value's proto name starts with the enum's prefix, which the unspecified value shows: "GENDER_".
        var prefix = protoNames.TryGetValue(0, out var unspecified) && unspecified.EndsWith("UNSPECIFIED", StringComparison.Ordinal)
            ? unspecified[..^"UNSPECIFIED".Length]
            : "";
        var chinese = ChineseLabels.GetValueOrDefault(type) ?? [];
        return protoNames.OrderBy(p => p.Key).Select(p => new Label(
            p.Key,
            p.Key >= 0 && p.Key < chinese.Length ? chinese[p.Key] : "",
            Normalize(p.Value.StartsWith(prefix, StringComparison.Ordinal) ? p.Value[prefix.Length..] : p.Value),
            p.Value)).ToList();
    });

    private sealed record Label(int Number, string Chinese, string English, string ProtoName);
}
