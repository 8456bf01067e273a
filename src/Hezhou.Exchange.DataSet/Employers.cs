using V1 = Hezhou.Exchange.V1;

namespace Hezhou.Exchange.DataSet;

/// <summary>An employer, or for self-employment the business; no credit code when none is registered.</summary>
/// <param name="RegionCode">Where the work is done, as a division code: it decides the work location.</param>
/// <param name="Place">Where the work is done, as a department writes it.</param>
internal sealed record Employer(string Name, string CreditCode, string RegionCode, string Place, string Trade)
{
    /// <summary>Where the work is, relative to the county of the worker's site.</summary>
    public V1.WorkLocation LocationFrom(string siteCounty) =>
        RegionCode == siteCounty ? V1.WorkLocation.InCounty
        : RegionCode.StartsWith("4511", StringComparison.Ordinal) ? V1.WorkLocation.InCity
        : RegionCode.StartsWith("45", StringComparison.Ordinal) ? V1.WorkLocation.InProvince
        : V1.WorkLocation.OutOfProvince;
}

/// <summary>
/// The employers of the data set by channel: factories in Guangdong and elsewhere in Guangxi that recruit through
/// labour export, Guangdong-Guangxi cooperation firms, each county's industries and co-operatives, each site's
/// assistance workshops and town government, labour-service companies for odd jobs; businesses of the self-employed
/// are made for each person.
/// </summary>
internal sealed class EmployerCatalogue
{
    private static readonly string[] Brands =
    [
        "宏达", "鑫源", "华美", "金盛", "恒丰", "嘉信", "利达", "永兴", "联创", "盛泰", "富民", "华立", "新宇", "腾飞",
        "同心", "瑞丰", "佳美", "长盛", "兴旺", "锦绣", "巧手", "正大", "通达", "明辉", "福源", "远航", "德信", "天成",
    ];

    private static readonly string[] FactoryTrades =
    [
        "电子", "五金制品", "服装", "鞋业", "玩具", "家具", "塑胶制品", "灯饰", "陶瓷", "纺织", "食品", "物流", "包装材料", "电器",
    ];

    private static readonly (string Place, string Region, string Short)[] ExportPlaces =
    [
        ("广东省东莞市长安镇", "441900", "东莞市"), ("广东省东莞市虎门镇", "441900", "东莞市"),
        ("广东省佛山市顺德区", "440606", "佛山市顺德区"), ("广东省佛山市南海区", "440605", "佛山市南海区"),
        ("广东省深圳市宝安区", "440306", "深圳市宝安区"), ("广东省深圳市龙岗区", "440307", "深圳市龙岗区"),
        ("广东省广州市白云区", "440111", "广州市白云区"), ("广东省广州市番禺区", "440113", "广州市番禺区"),
        ("广东省中山市小榄镇", "442000", "中山市"), ("广东省江门市蓬江区", "440703", "江门市"),
        ("广东省肇庆市端州区", "441202", "肇庆市"), ("广东省惠州市惠阳区", "441303", "惠州市惠阳区"),
        ("浙江省宁波市慈溪市", "330282", "慈溪市"), ("福建省厦门市集美区", "350211", "厦门市集美区"),
        ("广西壮族自治区南宁市江南区", "450105", "南宁市"), ("广西壮族自治区柳州市柳南区", "450204", "柳州市"),
        ("广西壮族自治区桂林市七星区", "450305", "桂林市"), ("广西壮族自治区梧州市万秀区", "450403", "梧州市"),
        ("广西壮族自治区玉林市玉州区", "450902", "玉林市"),
    ];

    private static readonly string[] FlexibleKinds =
        ["建筑零工", "家政服务", "网约配送", "季节性采摘", "搬运装卸", "手工编织", "餐饮帮工"];

    private readonly DeterministicRandom random;
    private readonly Dictionary<string, List<Employer>> industryByCounty = [];
    private readonly Dictionary<string, List<Employer>> workshopsBySite = [];
    private readonly Dictionary<string, Employer> townGovernmentBySite = [];

    public EmployerCatalogue(int seed)
    {
        random = DeterministicRandom.For(seed, 0, "employers");
        for (var i = 0; i < 48; i++)
        {
            var (place, region, town) = ExportPlaces[i % ExportPlaces.Length];
            var trade = random.Pick(FactoryTrades);
            LabourExport.Add(new Employer(
                $"{town}{random.Pick(Brands)}{trade}有限公司", CreditCodes.Make(random, CreditCodes.Enterprise, region),
                region, place, trade));
        }

        for (var i = 0; i < 20; i++)
        {
            var trade = random.Pick(FactoryTrades);
            var inHezhou = i % 5 != 4;
            var (place, region) = inHezhou
                ? i % 2 == 0
                    ? ("广西壮族自治区贺州市八步区（粤桂协作产业园）", HezhouGeography.Babu.Code)
                    : ("广西壮族自治区贺州市平桂区（粤桂协作产业园）", HezhouGeography.Pinggui.Code)
                : (ExportPlaces[i % 12].Place, ExportPlaces[i % 12].Region);
            Cooperation.Add(new Employer(
                $"{(inHezhou ? "贺州" : "广东")}{random.Pick(Brands)}{trade}有限公司",
                CreditCodes.Make(random, CreditCodes.Enterprise, region), region, place, trade));
        }

        for (var i = 0; i < 6; i++)
        {
            LabourService.Add(new Employer(
                $"贺州市{random.Pick(Brands)}劳务服务有限公司",
                CreditCodes.Make(random, CreditCodes.Enterprise, HezhouGeography.Babu.Code),
                HezhouGeography.Babu.Code, HezhouGeography.Babu.FullName, "劳务派遣"));
        }

        foreach (var county in HezhouGeography.Counties)
        {
            industryByCounty[county.Code] = [.. IndustriesOf(county)];
        }

        foreach (var site in HezhouGeography.Sites)
        {
            var place = site.County.FullName + site.Town;
            workshopsBySite[site.Name] =
            [
                .. new[] { ("制衣", "服装"), ("手工艺品", "手工艺品"), ("电子元件", "电子"), ("箱包", "箱包") }
                    .Take(2 + random.Next(2))
                    .Select(t => new Employer(
                        $"贺州市{random.Pick(Brands)}{t.Item1}有限公司（{site.Name}帮扶车间）",
                        CreditCodes.Make(random, CreditCodes.Enterprise, site.County.Code),
                        site.County.Code, place, t.Item2)),
            ];
            var government = site.Town.EndsWith("街道", StringComparison.Ordinal)
                ? $"贺州市{site.County.Name}{site.Town}办事处"
                : $"{site.County.Name}{site.Town}人民政府";
            townGovernmentBySite[site.Name] = new Employer(
                government, CreditCodes.Make(random, CreditCodes.GovernmentOrgan, site.County.Code),
                site.County.Code, place, "公益岗位");
        }
    }

    public List<Employer> LabourExport { get; } = [];

    public List<Employer> Cooperation { get; } = [];

    public List<Employer> LabourService { get; } = [];

    public IReadOnlyList<Employer> IndustriesIn(string countyCode) => industryByCounty[countyCode];

    public IReadOnlyList<Employer> WorkshopsAt(SiteTemplate site) => workshopsBySite[site.Name];

    public Employer TownGovernmentOf(SiteTemplate site) => townGovernmentBySite[site.Name];

    /// <summary>Odd jobs with no employer of record, or through a labour-service company.</summary>
    public Employer Flexible(DeterministicRandom draw, SiteTemplate site)
    {
        if (draw.Chance(0.2))
        {
            return draw.Pick(LabourService);
        }

        var kind = draw.Pick(FlexibleKinds);
        return draw.Chance(0.15)
            ? new Employer($"灵活就业（{kind}）", "", "440111", "广东省广州市白云区", kind)
            : new Employer($"灵活就业（{kind}）", "", site.County.Code, site.County.FullName + site.Town, kind);
    }

    /// <summary>A business of one self-employed person, registered (with a credit code) or not.</summary>
    public static Employer OwnBusiness(DeterministicRandom draw, SiteTemplate site, string surname, string givenName)
    {
        var town = site.Town;
        var (name, trade) = draw.Next(8) switch
        {
            0 => ($"{surname}记米粉店", "餐饮"),
            1 => ($"{site.County.Name}{givenName}便利店", "零售"),
            2 => ($"{town}{surname}家农家乐", "餐饮"),
            3 => ($"{site.County.Name}{town}{surname}{givenName}养殖场", "养殖"),
            4 => ($"{town}{surname}氏家电维修部", "维修"),
            5 => ($"{surname}师傅摩托车修理店", "维修"),
            6 => ($"{site.County.Name}{givenName}服装店", "零售"),
            _ => ($"{town}{surname}记早餐店", "餐饮"),
        };
        var code = draw.Chance(0.7) ? CreditCodes.Make(draw, CreditCodes.IndividualBusiness, site.County.Code) : "";
        return new Employer(name, code, site.County.Code, site.County.FullName + town, trade);
    }

    private IEnumerable<Employer> IndustriesOf(County county)
    {
        Employer Cooperative(string name, string trade) => new(
            name, CreditCodes.Make(random, CreditCodes.FarmersCooperative, county.Code), county.Code, county.FullName, trade);
        Employer Company(string name, string trade) => new(
            name, CreditCodes.Make(random, CreditCodes.Enterprise, county.Code), county.Code, county.FullName, trade);

        return county.Code switch
        {
            "451102" =>
            [
                Cooperative("八步区贺街镇三华李种植专业合作社", "水果种植"),
                Cooperative("八步区步头镇油茶种植专业合作社", "油茶种植"),
                Company($"贺州市八步区{random.Pick(Brands)}生态农业有限公司", "农业"),
                Company($"贺州市{random.Pick(Brands)}食品有限公司", "食品加工"),
            ],
            "451103" =>
            [
                Company($"贺州市平桂区{random.Pick(Brands)}碳酸钙有限公司", "碳酸钙"),
                Company($"贺州市平桂区{random.Pick(Brands)}石材有限公司", "石材加工"),
                Company($"贺州市平桂区{random.Pick(Brands)}新材料有限公司", "新材料"),
                Cooperative("平桂区公会镇蔬菜种植专业合作社", "蔬菜种植"),
            ],
            "451121" =>
            [
                Cooperative("昭平县黄姚镇茶叶专业合作社", "茶叶"),
                Cooperative("昭平县走马镇茶叶专业合作社", "茶叶"),
                Company($"昭平县{random.Pick(Brands)}茶业有限公司", "茶叶"),
                Company($"昭平县{random.Pick(Brands)}林产品有限公司", "林产品"),
            ],
            "451122" =>
            [
                Cooperative("钟山县回龙镇贡柑种植专业合作社", "水果种植"),
                Cooperative("钟山县清塘镇贡柑种植专业合作社", "水果种植"),
                Company($"钟山县{random.Pick(Brands)}石材有限公司", "石材加工"),
                Company($"钟山县{random.Pick(Brands)}农业发展有限公司", "农业"),
            ],
            _ =>
            [
                Cooperative("富川瑶族自治县朝东镇脐橙种植专业合作社", "水果种植"),
                Cooperative("富川瑶族自治县古城镇香芋专业合作社", "蔬菜种植"),
                Company($"富川瑶族自治县{random.Pick(Brands)}脐橙有限公司", "水果种植"),
                Company($"富川瑶族自治县{random.Pick(Brands)}竹木制品有限公司", "竹木加工"),
            ],
        };
    }
}
