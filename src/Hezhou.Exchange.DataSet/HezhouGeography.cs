using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>A county or district of Hezhou, with the ethnic mix of the people resettled from its villages.</summary>
internal sealed record County(string Code, string Name, IReadOnlyList<(V1.Ethnicity Group, double Share)> EthnicMix)
{
    public string FullName => "广西壮族自治区贺州市" + Name;
}

/// <summary>One of the 25 resettlement sites of the seed report, as the generator lays it out.</summary>
/// <param name="Town">The town or street the site belongs to; its government employs public-welfare posts.</param>
/// <param name="Weight">The share of its kind's residents a large site receives.</param>
/// <param name="SmallTarget">Residents of a small site (fewer than 800); 0 for a large site.</param>
internal sealed record SiteTemplate(
    County County,
    string Name,
    string Town,
    V1.SiteKind Kind,
    double Weight,
    int SmallTarget,
    bool YaoTownship)
{
    public bool IsSmall => SmallTarget > 0;
}

/// <summary>Hezhou's five counties and districts and the resettlement sites laid out in them.</summary>
internal static class HezhouGeography
{
    public static readonly County Babu = new("451102", "八步区",
    [
        (V1.Ethnicity.Han, 0.70), (V1.Ethnicity.Yao, 0.14), (V1.Ethnicity.Zhuang, 0.12), (V1.Ethnicity.Miao, 0.01),
        (V1.Ethnicity.Dong, 0.01), (V1.Ethnicity.Mulao, 0.005), (V1.Ethnicity.Maonan, 0.005), (V1.Ethnicity.Hui, 0.005),
        (V1.Ethnicity.Other, 0.005),
    ]);

    public static readonly County Pinggui = new("451103", "平桂区",
    [
        (V1.Ethnicity.Han, 0.62), (V1.Ethnicity.Yao, 0.22), (V1.Ethnicity.Zhuang, 0.13), (V1.Ethnicity.Miao, 0.01),
        (V1.Ethnicity.Dong, 0.01), (V1.Ethnicity.Other, 0.01),
    ]);

    public static readonly County Zhaoping = new("451121", "昭平县",
    [
        (V1.Ethnicity.Han, 0.72), (V1.Ethnicity.Yao, 0.14), (V1.Ethnicity.Zhuang, 0.11), (V1.Ethnicity.Mulao, 0.01),
        (V1.Ethnicity.Miao, 0.01), (V1.Ethnicity.Other, 0.01),
    ]);

    public static readonly County Zhongshan = new("451122", "钟山县",
    [
        (V1.Ethnicity.Han, 0.74), (V1.Ethnicity.Zhuang, 0.13), (V1.Ethnicity.Yao, 0.10), (V1.Ethnicity.Maonan, 0.01),
        (V1.Ethnicity.Hui, 0.01), (V1.Ethnicity.Other, 0.01),
    ]);

    public static readonly County Fuchuan = new("451123", "富川瑶族自治县",
    [
        (V1.Ethnicity.Yao, 0.55), (V1.Ethnicity.Han, 0.40), (V1.Ethnicity.Zhuang, 0.03), (V1.Ethnicity.Miao, 0.01),
        (V1.Ethnicity.Other, 0.01),
    ]);

    public static readonly IReadOnlyList<County> Counties = [Babu, Pinggui, Zhaoping, Zhongshan, Fuchuan];

    /// <summary>
    /// 7 urban sites in the district seats and county towns (all large, since they hold the urban welfare
    /// recipients), 9 large rural sites and 9 small ones.
    /// </summary>
    public static readonly IReadOnlyList<SiteTemplate> Sites =
    [
        Urban(Babu, "八步区城东安置区", "城东街道", 1.6),
        Urban(Babu, "八步区江南安置区", "江南街道", 1.3),
        Rural(Babu, "八步区贺街镇安置区", "贺街镇", 1.1),
        Rural(Babu, "八步区桂岭镇安置点", "桂岭镇", 0.9),
        Rural(Babu, "八步区信都镇安置点", "信都镇", 1.0),
        Small(Babu, "八步区南乡镇安置点", "南乡镇", 450),
        Small(Babu, "八步区黄洞瑶族乡安置点", "黄洞瑶族乡", 230, yao: true),
        Urban(Pinggui, "平桂区西湾安置区", "西湾街道", 1.4),
        Urban(Pinggui, "平桂区黄田镇安置区", "黄田镇", 0.8),
        Rural(Pinggui, "平桂区沙田镇安置点", "沙田镇", 1.0),
        Rural(Pinggui, "平桂区公会镇安置点", "公会镇", 0.8),
        Small(Pinggui, "平桂区大平瑶族乡安置点", "大平瑶族乡", 310, yao: true),
        Small(Pinggui, "平桂区水口镇安置点", "水口镇", 660),
        Urban(Zhaoping, "昭平县城北安置区", "昭平镇", 0.9),
        Rural(Zhaoping, "昭平县黄姚镇安置点", "黄姚镇", 1.2),
        Small(Zhaoping, "昭平县走马镇安置点", "走马镇", 520),
        Small(Zhaoping, "昭平县仙回瑶族乡安置点", "仙回瑶族乡", 160, yao: true),
        Urban(Zhongshan, "钟山县城南安置区", "钟山镇", 1.0),
        Rural(Zhongshan, "钟山县回龙镇安置点", "回龙镇", 0.9),
        Small(Zhongshan, "钟山县两安瑶族乡安置点", "两安瑶族乡", 390, yao: true),
        Small(Zhongshan, "钟山县花山瑶族乡安置点", "花山瑶族乡", 590, yao: true),
        Urban(Fuchuan, "富川瑶族自治县城北安置区", "富阳镇", 1.0),
        Rural(Fuchuan, "富川瑶族自治县朝东镇安置点", "朝东镇", 1.0),
        Rural(Fuchuan, "富川瑶族自治县古城镇安置点", "古城镇", 1.1),
        Small(Fuchuan, "富川瑶族自治县新华乡安置点", "新华乡", 730),
    ];

    /// <summary>The ethnic mix of a site's households: a Yao township's people are mostly Yao.</summary>
    public static IReadOnlyList<(V1.Ethnicity Group, double Share)> EthnicMixOf(SiteTemplate site) =>
        site.YaoTownship
            ? [(V1.Ethnicity.Yao, 0.78), (V1.Ethnicity.Han, 0.17), (V1.Ethnicity.Zhuang, 0.04), (V1.Ethnicity.Other, 0.01)]
            : site.County.EthnicMix;

    private static SiteTemplate Urban(County county, string name, string town, double weight) =>
        new(county, name, town, V1.SiteKind.Urban, weight, 0, false);

    private static SiteTemplate Rural(County county, string name, string town, double weight) =>
        new(county, name, town, V1.SiteKind.Rural, weight, 0, false);

    private static SiteTemplate Small(County county, string name, string town, int residents, bool yao = false) =>
        new(county, name, town, V1.SiteKind.Rural, 0, residents, yao);
}
