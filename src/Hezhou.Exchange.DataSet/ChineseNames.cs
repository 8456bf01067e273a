using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>Real-looking names for the ethnic groups of Hezhou's sites.</summary>
/// <remarks>
/// Surnames follow each group's common ones in eastern Guangxi (盘, 赵, 邓, 冯 among the Yao; 韦, 覃, 莫, 蓝 among
/// the Zhuang). A few people who married in from Xinjiang carry transliterated names with a middle dot (U+00B7), and
/// a few given names use characters outside the Basic Multilingual Plane, as some identity cards do.
/// </remarks>
internal static class ChineseNames
{
    /// <summary>Given-name characters outside the BMP that appear on identity cards: 𠮷 (U+20BB7), 𬭚, 𫖮.</summary>
    public static readonly IReadOnlyList<string> SupplementaryCharacters = ["\U00020BB7", "\U0002CB5A", "\U0002B5AE"];

    private static readonly string[] HanSurnames =
    [
        "黄", "李", "陈", "钟", "廖", "梁", "邓", "吴", "罗", "何", "周", "刘", "林", "谢", "唐", "朱", "张", "王", "杨",
        "曾", "胡", "莫", "叶", "冯", "郑", "彭", "蒋", "邱", "肖", "潘", "欧阳", "陆", "徐", "孔", "毛", "卢", "龚",
    ];

    private static readonly string[] YaoSurnames =
    [
        "盘", "赵", "邓", "李", "黄", "冯", "奉", "蒋", "唐", "任", "沈", "郑", "雷", "周", "胡", "陈", "房", "包",
    ];

    private static readonly string[] ZhuangSurnames =
    [
        "韦", "覃", "莫", "蓝", "黄", "陆", "农", "梁", "潘", "卢", "罗", "廖", "岑", "班", "零", "闭", "谭", "玉",
    ];

    private static readonly string[] MiaoSurnames = ["杨", "吴", "龙", "石", "张", "侯", "麻", "欧"];
    private static readonly string[] DongSurnames = ["吴", "杨", "石", "龙", "粟", "欧", "陆"];
    private static readonly string[] MulaoSurnames = ["罗", "吴", "银", "谢", "潘"];
    private static readonly string[] MaonanSurnames = ["谭", "覃", "卢", "蒙"];
    private static readonly string[] HuiSurnames = ["马", "白", "沙", "丁", "穆"];

    private static readonly string[] MaleFirst =
    [
        "志", "建", "国", "金", "福", "德", "文", "永", "家", "明", "海", "春", "世", "光", "成", "华", "荣", "振",
        "贵", "玉", "新", "天", "宏", "子", "俊", "嘉", "浩", "宇", "进", "秋",
    ];

    private static readonly string[] MaleSecond =
    [
        "强", "明", "华", "平", "军", "林", "勇", "杰", "生", "荣", "成", "祥", "福", "贵", "才", "财", "龙", "辉",
        "波", "峰", "亮", "斌", "涛", "鹏", "伟", "刚", "东", "宝", "安", "源", "保", "清",
    ];

    private static readonly string[] FemaleFirst =
    [
        "秀", "桂", "玉", "金", "春", "美", "丽", "月", "红", "凤", "雪", "小", "丹", "海", "燕", "慧", "晓", "梦",
        "佳", "雅", "银", "二", "三",
    ];

    private static readonly string[] FemaleSecond =
    [
        "英", "兰", "芳", "梅", "珍", "妹", "花", "娟", "玲", "霞", "凤", "琴", "莲", "萍", "燕", "婷", "丽", "敏",
        "静", "娇", "连", "姣",
    ];

    // Uyghur given names, female and male, and fathers' names that follow them after the middle dot.
    private static readonly string[] TransliteratedFemale = ["阿依古丽", "帕丽达", "古丽娜尔", "热依拉", "迪丽努尔"];
    private static readonly string[] TransliteratedMale = ["努尔买买提", "艾克拜尔", "买买提江", "阿卜杜拉", "吐尔洪"];

    private static readonly string[] TransliteratedFathers =
        ["买买提", "吐尔逊", "艾买提", "阿不都", "艾力", "吾斯曼", "阿不力孜", "热合木"];

    public static string Surname(DeterministicRandom random, V1.Ethnicity ethnicity) => random.Pick(ethnicity switch
    {
        V1.Ethnicity.Yao => YaoSurnames,
        V1.Ethnicity.Zhuang => ZhuangSurnames,
        V1.Ethnicity.Miao => MiaoSurnames,
        V1.Ethnicity.Dong => DongSurnames,
        V1.Ethnicity.Mulao => MulaoSurnames,
        V1.Ethnicity.Maonan => MaonanSurnames,
        V1.Ethnicity.Hui => HuiSurnames,
        _ => HanSurnames,
    });

    /// <summary>A given name of one or two characters; very rarely one with a character outside the BMP.</summary>
    public static string GivenName(DeterministicRandom random, V1.Gender gender)
    {
        var male = gender == V1.Gender.Male;
        var second = random.Pick(male ? MaleSecond : FemaleSecond);
        if (random.Chance(0.0006))
        {
            second = random.Pick(SupplementaryCharacters);
        }

        return random.Chance(0.2) ? second : random.Pick(male ? MaleFirst : FemaleFirst) + second;
    }

    /// <summary>A transliterated name: given name, middle dot, father's name.</summary>
    public static string Transliterated(DeterministicRandom random, V1.Gender gender) =>
        random.Pick(gender == V1.Gender.Male ? TransliteratedMale : TransliteratedFemale)
        + "\u00B7" + random.Pick(TransliteratedFathers);

    /// <summary>The same name with its last character mistyped, as another department's clerk might enter it.</summary>
    public static string Mistyped(string name)
    {
        var last = name[^1];
        var pool = Array.IndexOf(FemaleSecond, last.ToString()) >= 0 ? FemaleSecond : MaleSecond;
        var index = Array.IndexOf(pool, last.ToString());
        var replacement = pool[(index + 1 + pool.Length) % pool.Length];
        return name[..^1] + replacement;
    }
}
