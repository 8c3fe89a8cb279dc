using System.Globalization;
using System.Text.Json;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Domain.Tests;

public sealed class TargetParserTests
{
    private const string? TextOnly = null;

    /// <summary>
    /// Every distinct non-blank target of seed-data/booklet-r6.json with the reviewed outcome: "value unit 以上|以下",
    /// or <see cref="TextOnly"/>. Written out by hand-reviewed script once; never computed by the parser.
    /// </summary>
    public static TheoryData<string, string?> SeedTargets { get; } = new()
    {
        { "満足・やや満足と回答した割合：80%以上", "80 % 以上" },
        { "定期点検時の要対応件数について、前回実施時より減少させる。", TextOnly },
        { "SNSによる事業配信\n実施課：全課の5%", TextOnly },
        { "SNSによる事業配信\n実施課：全課の10%", TextOnly },
        { "SNSによる事業配信\n実施課：全課の20%", TextOnly },
        { "SNSによる事業配信\n実施課：全課の40%", TextOnly },
        { "SNSによる事業配信\n実施課：全課の50% 以上", TextOnly },
        { "・1件の新たなオープンデータの公開\n・オープンデータの総公開数：12件", TextOnly },
        { "・1件の新たなオープンデータの公開\n・オープンデータの総公開数：13件", TextOnly },
        { "・1件の新たなオープンデータの公開\n・オープンデータの総公開数：14件", TextOnly },
        { "・1件の新たなオープンデータの公開\n・オープンデータの総公開数：15件", TextOnly },
        { "・1件の新たなオープンデータの公開\n・オープンデータの総公開数：16件", TextOnly },
        { "外部研修への参加回数、フィードバック研修の実施回数、内部研修の実施回数、租税教室の実施回数\n上記の累計：20回", TextOnly },
        { "外部研修への参加回数、フィードバック研修の実施回数、内部研修の実施回数、租税教室の実施回数 R5年度からの累計：45回", "45 回 以上" },
        { "外部研修への参加回数、フィードバック研修の実施回数、内部研修の実施回数、租税教室の実施回数 R5年度からの累計：70回", "70 回 以上" },
        { "外部研修への参加回数、フィードバック研修の実施回数、内部研修の実施回数、租税教室の実施回数 R5年度からの累計：100回", "100 回 以上" },
        { "外部研修への参加回数、フィードバック研修の実施回数、内部研修の実施回数、租税教室の実施回数 R5年度からの累計：130回", "130 回 以上" },
        { "多言語アプリへの市作成刊行物の掲載件数：12件", "12 件 以上" },
        { "多言語アプリへの市作成刊行物の掲載件数：13件", "13 件 以上" },
        { "多言語アプリへの市作成刊行物の掲載件数：14件", "14 件 以上" },
        { "多言語アプリへの市作成刊行物の掲載件数：15件", "15 件 以上" },
        { "多言語アプリへの市作成刊行物の掲載件数：16件", "16 件 以上" },
        { "・新たなマップを作成し、市ホームページに掲載\n・LINE配信を2回実施", TextOnly },
        { "・マップを最新のものに更新\n・LINE配信を4回実施", TextOnly },
        { "防災出前講座の開催回数：10回以上", "10 回 以上" },
        { "証明書のコンビニ交付件数：4,300件", "4300 件 以上" },
        { "証明書のコンビニ交付件数：16,800件", "16800 件 以上" },
        { "証明書のコンビニ交付件数：18,400件", "18400 件 以上" },
        { "証明書のコンビニ交付件数：19,300件", "19300 件 以上" },
        { "証明書のコンビニ交付件数：20,000件", "20000 件 以上" },
        { "窓口でのキャッシュレス決済の取扱い件数：5,500件", "5500 件 以上" },
        { "窓口でのキャッシュレス決済の取扱い件数：5,600件", "5600 件 以上" },
        { "窓口でのキャッシュレス決済の取扱い件数：5,700件", "5700 件 以上" },
        { "窓口でのキャッシュレス決済の取扱い件数：5,800件", "5800 件 以上" },
        { "窓口でのキャッシュレス決済の取扱い件数：5,900件", "5900 件 以上" },
        { "新たに1件の改善を実施", TextOnly },
        { "支所市民福祉課内の3係の連携を図り、1つの窓口での対応を開始。", TextOnly },
        { "アスピアこだま内の3課の連携を図り、手続き内容及び連携方法を調整し、1つの窓口での対応を開始。", TextOnly },
        { "手続きの流れ等に問題があれば見直しを行う。", TextOnly },
        { "窓口発券機の導入に向けて、業者選定・運用方法等の検討を行う。", TextOnly },
        { "窓口発券機を導入。運用方法等に問題があれば見直しを行う。", TextOnly },
        { "相談の整理\n調整\n基幹型相談支援センターの設置", TextOnly },
        { "基幹型相談支援センター機能の充実（障害者理解促進のための研修会、人材育成のための研修会を開催）", TextOnly },
        { "基幹型相談支援センター機能の充実（相談支援体制のネットワーク強化、自立支援協議会における地域課題の検討）", TextOnly },
        { "基幹型相談支援センター機能の充実（個別事例や地域課題検討を通じた多分野や地域の人との連携体制の構築）", TextOnly },
        { "基幹型相談支援センター機能と相談支援体制の見直しを行い、地域全体で障害のある方を支える包括的相談支援体制を構築する", TextOnly },
        { "電子申請可能な手続きの調査、選定及びシステムの作成", TextOnly },
        { "電子申請受付件数：54件", "54 件 以上" },
        { "電子申請受付件数：90件", "90 件 以上" },
        { "電子申請受付件数：126件", "126 件 以上" },
        { "電子申請受付件数：180件", "180 件 以上" },
        { "・先進地ヒアリング\n・財源確保と物品調達\n・配信内容の素案作成と手順の整理\n・配信までの環境整備", TextOnly },
        { "・広報活動\n・リハーサル～実施\n・運用課題の精査", TextOnly },
        { "本格配信", TextOnly },
        { "定期的に発行する通知類（保育所だより、献立表等）のアプリ配信を開始\n年度末に在籍する全ての園児の利用", TextOnly },
        { "保育中の子どもの写真を保護者が閲覧できるサービスを開始\n年度末に在籍する全ての園児の利用", TextOnly },
        { "保護者と保育所間での相互の連絡ツールとしてアプリの活用開始\n年度末に在籍する全ての園児の利用", TextOnly },
        { "・工事完了届出書の電子申請受付件数：50件程度", TextOnly },
        { "・工事完了届出書の電子申請受付件数：150件程度", TextOnly },
        { "・工事完了届出書の電子申請受付件数：300件程度\n・各種申請書の電子申請による受付を検討", TextOnly },
        { "・工事完了届出書の電子申請受付件数：400件程度\n・各種申請書の電子申請による受付を開始", TextOnly },
        { "・各種申請書の電子申請による受付を完了", TextOnly },
        { "・業務委託における仕様書の検討", TextOnly },
        { "・公募型プロポーサル方式での業者選定", TextOnly },
        { "・ワンストップサービスの開始\n・職員1名の削減", TextOnly },
        { "・1公園以上で市民意見を把握", TextOnly },
        { "電子申請を活用したアンケートの実施回数：3回", "3 回 以上" },
        { "電子申請を活用したアンケートの実施回数：4回", "4 回 以上" },
        { "電子申請を活用したアンケートの実施回数：5回", "5 回 以上" },
        { "オンラインで参加可能な講座の開催回数：4回", "4 回 以上" },
        { "オンラインで参加可能な講座の開催回数：6回", "6 回 以上" },
        { "オンラインで参加可能な講座の開催回数：8回", "8 回 以上" },
        { "オンラインで参加可能な講座の開催回数：10回", "10 回 以上" },
        { "オンラインで参加可能な講座の開催回数：11回", "11 回 以上" },
        { "年間予約件数におけるウェブ予約割合：3%増加", TextOnly },
        { "年間ウェブ予約件数：12,000件", "12000 件 以上" },
        { "年間ウェブ予約件数：12,500件", "12500 件 以上" },
        { "年間ウェブ予約件数：13,000件", "13000 件 以上" },
        { "年間ウェブ予約件数：13,500件", "13500 件 以上" },
        { "電子申請での受付を開始し、ホームページで周知する", TextOnly },
        { "情報公開請求の電子申請受付件数割合：全体の20%\n電子メール等による写しの交付検討\n電子決済の導入検討", TextOnly },
        { "情報公開請求の電子申請受付件数割合：全体の40%\n電子メール等による写しの交付開始\n電子決済の導入開始", TextOnly },
        { "情報公開請求の電子申請受付件数割合：全体の50%", TextOnly },
        { "平日時間外・休日相談窓口を少なくとも各1回実施し、市民の相談ニーズを把握", TextOnly },
        { "ICTを活用した相談サービスについての事例研究及び導入検討", TextOnly },
        { "平日時間外・休日相談窓口、ICTを活用した相談サービスの実施", TextOnly },
        { "これまでの実施状況の効果検証、改善策の検討", TextOnly },
        { "電子申請可能な手続きの調査、選定", TextOnly },
        { "電子申請受付のためのシステムの構築", TextOnly },
        { "・包括管理の実施に向けた情報の収集\n・組織体制の構築準備\n・対象施設の各種情報の洗い出し", TextOnly },
        { "・組織体制の構築準備\n・対象施設の各種情報の洗い出し", TextOnly },
        { "・公募による対話型市場調査の実施\n・公募型プロポーザルの準備及び実施\n・委託業者の決定及び契約の締結", TextOnly },
        { "・包括管理の実現\n・取組効果の検証", TextOnly },
        { "・提案件数：11件以上\n・職員提案についての説明会を開催", TextOnly },
        { "・提案件数：8件以上\n・職員提案についての説明会を開催", TextOnly },
        { "埼玉県電子入札共同システム導入に向けた準備（埼玉県との調整等）", TextOnly },
        { "埼玉県電子入札共同システム導入に向けた準備（業者への周知・システムの環境設定・埼玉県との協定等）", TextOnly },
        { "埼玉県電子入札共同システムを導入", TextOnly },
        { "郵便業務に係る時間の令和3年度比削減率：55%", "55 % 以上" },
        { "郵便業務に係る時間の令和3年度比削減率：65%", "65 % 以上" },
        { "郵便業務に係る時間の令和3年度比削減率：75%（達成率100%）", TextOnly },
        { "審議会等における女性委員の割合：23.9%", "23.9 % 以上" },
        { "審議会等における女性委員の割合：25.5%", "25.5 % 以上" },
        { "審議会等における女性委員の割合：27.1%", "27.1 % 以上" },
        { "審議会等における女性委員の割合：28.7%", "28.7 % 以上" },
        { "審議会等における女性委員の割合：30%", "30 % 以上" },
        { "1つ以上の内容の訓練を実施", TextOnly },
        { "・アセスメントシートの共通化達成\n・福祉総合相談窓口機能の検証\n・支援会議開催のための連絡会議を開催", TextOnly },
        { "・支援会議の開催と検証\n・行政以外の機関等の支援会議への参加の検討", TextOnly },
        { "・行政以外の機関等が参加した状態での支援会議の開催\n・年度末までに相談体制について検証する検証会議の開催", TextOnly },
        { "・国が進めている基幹業務システム等の標準化が影響するため、動向を注視しながら、モバイル訪問調査システムの内容精査等を実施する。", TextOnly },
        { "・モバイル訪問調査システムを導入\n・介護認定調査票の作成時間を1か月あたり約160時間短縮", TextOnly },
        { "・パソコンの操作が困難な事業者をサポートし、操作を可能にする。\n・オンラインで会議に参加する事業者数：14事業者", TextOnly },
        { "・オンラインで会議に参加する事業者数：15事業者", "15 事業者 以上" },
        { "・オンラインで会議に参加する事業者数：16事業者", "16 事業者 以上" },
        { "・オンラインで会議に参加する事業者数：17事業者", "17 事業者 以上" },
        { "・オンラインで会議に参加する事業者数：18事業者", "18 事業者 以上" },
        { "・会議の開催回数：年間3回\n・会議における提案や取組を「地球温暖化対策実行計画【区域施策編】」へ反映", TextOnly },
        { "・会議の開催回数：年間1回以上\n・会議参加事業者の増加\n・意見交換を延べ10事業者以上と実施", TextOnly },
        { "・会議の開催回数：年間1回以上\n・「地球温暖化対策実行計画【区域施策編】」の取組の進捗情報を共有\n・意見交換を延べ10事業者以上と実施", TextOnly },
        { "・会議の開催回数：年間1回以上\n・「地球温暖化対策実行計画【区域施策編】」の見直しとともに、取組の評価・検証を行い、見直しへ反映", TextOnly },
        { "新規企業誘致件数：1～2件", TextOnly },
        { "市内全10地区のうち、本庄地域と児玉地域からモデル地区を各1地区選定し、事務局が同行してタブレット端末を活用した農地パトロールを実施", TextOnly },
        { "市内全10地区において、事務局が同行してタブレット端末を活用した農地パトロールを実施", TextOnly },
        { "管理代行に向けた準備\n・埼玉県住宅供給公社との協議・調整\n・市営住宅管理条例の改定", TextOnly },
        { "管理代行開始", TextOnly },
        { "令和6年度に実施する公募型プロポーザルに向けた公営企業会計システムの仕様の調査・検討", TextOnly },
        { "市の要望に最も沿った業者選定の実施", TextOnly },
        { "落札業者とのシステムの詳細な打ち合わせ", TextOnly },
        { "公営企業会計システムの更改・検証", TextOnly },
        { "窓口対応業務や保守点検などの業務委託化を目標に、業務の選定・手法等の調査・研究を実施", TextOnly },
        { "業務委託の仕様書を作成し、事業者の選定及び契約を年度内に完了", TextOnly },
        { "業務委託の導入開始・検証", TextOnly },
        { "・日常点検におけるICT技術の導入\n・児玉地域の水道施設監視装置の自動化と更新に向けた基本検討業務の実施", TextOnly },
        { "・児玉地域の水道施設監視装置の自動化と更新に向けた設計業務の実施", TextOnly },
        { "・児玉地域の水道施設監視装置の自動化と更新の実施", TextOnly },
        { "・自動化に対応した中央監視システムの更新（水道庁舎3階）", TextOnly },
        { "打ち合わせ又はグループウェアシステムによる情報共有回数：3回", "3 回 以上" },
        { "・職員に持ち運び可能なパソコンを配布（令和7年2月を予定）\n・庁内の会議等におけるペーパーレスの運用方法の検討・実施", TextOnly },
        { "・庁内の会議等におけるペーパーレスの運用方法を見直し、必要があれば修正を行う", TextOnly },
        { "新たに1施設導入\n令和4年度比：100万円の歳入増加", TextOnly },
        { "・新たに1施設導入", TextOnly },
        { "寄附件数及び寄附額を前年度実績よりも増加させる。", TextOnly },
        { "1筆売却", TextOnly },
        { "市県民税（普通徴収）の口座振替率：35.4%", "35.4 % 以上" },
        { "市県民税（普通徴収）の口座振替率：35.5%", "35.5 % 以上" },
        { "市県民税（普通徴収）の口座振替率：35.6%", "35.6 % 以上" },
        { "市県民税（普通徴収）の口座振替率：35.7%", "35.7 % 以上" },
        { "市県民税（普通徴収）の口座振替率：35.8%", "35.8 % 以上" },
        { "現年度収納率：93%", "93 % 以上" },
        { "新規受給者のジェネリック医薬品利用協力者率：90%", "90 % 以上" },
        { "滞納繰越人数（年度末時点）：36人", "36 人 以下" },
        { "滞納繰越人数（年度末時点）：28人", "28 人 以下" },
        { "滞納繰越人数（年度末時点）：20人", "20 人 以下" },
        { "滞納繰越人数（年度末時点）：12人", "12 人 以下" },
        { "滞納繰越人数（年度末時点）：4人", "4 人 以下" },
        { "本庁舎以外の様々な公共空間を活用したマーケットを開催", TextOnly },
        { "施設を管理する所管課や庁内各課が主催して、様々な公共空間を利用したイベントを開催", TextOnly },
        { "・調査、実施場所の検討", TextOnly },
        { "・要綱等の策定、広告主の募集開始", TextOnly },
        { "・広告掲載開始\n・新規広告契約\n件数：5件", TextOnly },
        { "・新規広告契約\n件数：5件", TextOnly },
        { "自校給食1食当たりの残渣量：40g (参考) 給食センター1食当たりの残渣量 69g", "40 g 以下" },
        { "自校給食1食当たりの残渣量：39g (参考) 給食センター1食当たりの残渣量 68g", "39 g 以下" },
        { "自校給食1食当たりの残渣量：38g (参考) 給食センター1食当たりの残渣量 67g", "38 g 以下" },
        { "自校給食1食当たりの残渣量：37g (参考) 給食センター1食当たりの残渣量 66g", "37 g 以下" },
        { "自校給食1食当たりの残渣量：36g (参考) 給食センター1食当たりの残渣量 65g", "36 g 以下" },
        { "車両管理システムの導入準備", TextOnly },
        { "車両管理システムの導入", TextOnly },
        { "公用車を前年度から1台以上削減", TextOnly },
        { "国・県主催の橋梁に関する研修に参加", TextOnly },
        { "職員による橋梁点検：15橋梁", "15 橋梁 以上" },
        { "職員による橋梁点検：20橋梁", "20 橋梁 以上" },
    };

    [Theory]
    [MemberData(nameof(SeedTargets))]
    public void Every_seed_target_has_its_reviewed_outcome(string text, string? expected)
    {
        var parsed = TargetParser.TryParse(text, out var quantity);

        if (expected is null)
        {
            Assert.False(parsed);
            Assert.Null(quantity);
            return;
        }

        Assert.True(parsed);
        var parts = expected.Split(' ');
        Assert.Equal(decimal.Parse(parts[0], CultureInfo.InvariantCulture), quantity!.Value);
        Assert.Equal(parts[1], quantity.Unit);
        Assert.Equal(parts[2] == "以下" ? TargetDirection.AtMost : TargetDirection.AtLeast, quantity.Direction);
    }

    [Fact]
    public void The_list_covers_every_target_of_the_seed()
    {
        using var seed = JsonDocument.Parse(File.ReadAllText(SeedPath()));
        var texts = seed.RootElement.GetProperty("plans").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateObject())
            .Select(t => string.Join('\n', t.Value.EnumerateArray().Select(l => l.GetString())))
            .Where(t => t.Length > 0)
            .Distinct()
            .ToList();
        var listed = SeedTargets.Select(row => (string)row[0]).ToList();

        Assert.Equal(texts.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("証明書のコンビニ交付件数：16,800件", "証明書のコンビニ交付件数")]
    [InlineData("滞納繰越人数（年度末時点）：36人", "滞納繰越人数（年度末時点）")]
    [InlineData("・オンラインで会議に参加する事業者数：15事業者", "オンラインで会議に参加する事業者数")]
    [InlineData("自校給食1食当たりの残渣量：40g (参考) 給食センター1食当たりの残渣量 69g", "自校給食1食当たりの残渣量")]
    public void The_label_is_the_measure_before_the_colon(string text, string label)
    {
        Assert.True(TargetParser.TryParse(text, out var quantity));
        Assert.Equal(label, quantity!.Label);
    }

    [Theory]
    [InlineData("交付件数：１６，８００件", 16800, "件", TargetDirection.AtLeast)]
    [InlineData("割合：２３．９％以上", 23.9, "%", TargetDirection.AtLeast)]
    [InlineData("待ち時間の件数：5件以下", 5, "件", TargetDirection.AtMost)]
    [InlineData("苦情件数：3件未満", 3, "件", TargetDirection.AtMost)]
    [InlineData("未処理件数：10件まで", 10, "件", TargetDirection.AtMost)]
    [InlineData("CO2排出量の削減率：5%", 5, "%", TargetDirection.AtLeast)]
    [InlineData("導入施設数：3施設。", 3, "施設", TargetDirection.AtLeast)]
    public void Written_forms_are_read(string text, double value, string unit, TargetDirection direction)
    {
        Assert.True(TargetParser.TryParse(text, out var quantity));
        Assert.Equal((decimal)value, quantity!.Value);
        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(direction, quantity.Direction);
    }

    [Theory]
    [InlineData("")]
    [InlineData("前回実施時より減少させる")]
    [InlineData("要対応件数の削減数：5件")]
    [InlineData("交付件数：1,00件")]
    [InlineData("交付件数：100台")]
    [InlineData("交付件数：100件程度")]
    [InlineData("交付件数：1～2件")]
    [InlineData("交付件数：100件\n説明会：2回")]
    [InlineData("100件")]
    public void Unclear_targets_stay_text_only(string text)
    {
        Assert.False(TargetParser.TryParse(text, out var quantity));
        Assert.Null(quantity);
    }

    [Theory]
    [InlineData(17000, true, "101.2%")]
    [InlineData(16800, true, "100.0%")]
    [InlineData(8400, false, "50.0%")]
    public void Achievement_of_an_at_least_target_is_actual_over_target(double actual, bool achieved, string rate)
    {
        var result = new TargetQuantity("交付件数", 16800m, "件", TargetDirection.AtLeast).Evaluate((decimal)actual);

        Assert.Equal(achieved, result.Achieved);
        Assert.Equal(rate, result.RateText);
        Assert.Equal(achieved ? "達成" : "未達成", result.Label);
    }

    [Theory]
    [InlineData(24, true, "116.7%")]
    [InlineData(28, true, "100.0%")]
    [InlineData(35, false, "80.0%")]
    [InlineData(0, true, "")]
    public void Achievement_of_an_at_most_target_is_target_over_actual(double actual, bool achieved, string rate)
    {
        var result = new TargetQuantity("滞納繰越人数", 28m, "人", TargetDirection.AtMost).Evaluate((decimal)actual);

        Assert.Equal(achieved, result.Achieved);
        Assert.Equal(rate, result.RateText);
    }

    private static string SeedPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed-data", "booklet-r6.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("seed-data/booklet-r6.json was not found above the test directory.");
    }
}
