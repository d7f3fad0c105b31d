-- The county's disclosure catalog (公开目录): categories and items with stable codes. Each item says what is
-- disclosed, to whom (scope), when (regularly, or within N days of the matter arising) and how (default channels).
CREATE TABLE catalog_category (
    code       VARCHAR(16)  PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    sort_order INTEGER      NOT NULL
);

CREATE TABLE catalog_item (
    code          VARCHAR(16)  PRIMARY KEY,
    category_code VARCHAR(16)  NOT NULL REFERENCES catalog_category (code),
    name          VARCHAR(200) NOT NULL,
    -- PUBLIC: to society; PARTY_WIDE: within the party; PARTY_PART: within a part of the party
    scope         VARCHAR(16)  NOT NULL CHECK (scope IN ('PUBLIC', 'PARTY_WIDE', 'PARTY_PART')),
    -- REGULAR: every period of the organization's cadence; EVENT: within within_days of the matter arising
    timing        VARCHAR(16)  NOT NULL CHECK (timing IN ('REGULAR', 'EVENT')),
    within_days   INTEGER CHECK (within_days > 0),
    channels      VARCHAR(300) NOT NULL,
    sort_order    INTEGER      NOT NULL,
    CHECK ((timing = 'EVENT') = (within_days IS NOT NULL))
);

-- Nine categories and 57 items (9大类57项), drawn from what the 2017 regulation on party affairs disclosure
-- (中国共产党党务公开条例（试行）) lists for grassroots party organizations.
INSERT INTO catalog_category (code, name, sort_order) VALUES
 ('C1', '贯彻落实党的路线方针政策', 1),
 ('C2', '党的组织建设', 2),
 ('C3', '领导班子建设与重大决策', 3),
 ('C4', '干部选拔任用', 4),
 ('C5', '党员教育管理与发展', 5),
 ('C6', '党费收缴使用管理', 6),
 ('C7', '党风廉政建设', 7),
 ('C8', '服务群众', 8),
 ('C9', '党内关怀与群团工作', 9);

INSERT INTO catalog_item (code, category_code, name, scope, timing, within_days, channels, sort_order) VALUES
 ('C1-01', 'C1', '学习贯彻党的路线方针政策和上级决策部署情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website,new-media', 1),
 ('C1-02', 'C1', '贯彻落实上级党组织重要会议精神情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,documents', 2),
 ('C1-03', 'C1', '年度工作计划和工作总结', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 3),
 ('C1-04', 'C1', '阶段性重点工作安排及进展', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 4),
 ('C1-05', 'C1', '脱贫攻坚和乡村振兴政策落实情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website,tv-column', 5),
 ('C1-06', 'C1', '意识形态工作责任制落实情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,internal-network', 6),
 ('C1-07', 'C1', '上级交办事项办理情况', 'PARTY_PART', 'EVENT', 7, 'meeting,documents', 7),
 ('C2-01', 'C2', '党组织设置及调整情况', 'PUBLIC', 'EVENT', 15, 'disclosure-board,county-website', 1),
 ('C2-02', 'C2', '党组织换届选举情况', 'PARTY_WIDE', 'EVENT', 7, 'meeting,disclosure-board', 2),
 ('C2-03', 'C2', '领导班子成员及分工', 'PUBLIC', 'EVENT', 7, 'disclosure-board,county-website', 3),
 ('C2-04', 'C2', '“三会一课”制度落实情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,internal-network', 4),
 ('C2-05', 'C2', '主题党日活动开展情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,internal-network', 5),
 ('C2-06', 'C2', '基层党组织标准化规范化建设情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 6),
 ('C2-07', 'C2', '党组织书记抓基层党建工作述职评议情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,documents', 7),
 ('C3-01', 'C3', '“三重一大”事项决策情况', 'PARTY_PART', 'EVENT', 7, 'meeting,documents', 1),
 ('C3-02', 'C3', '民主集中制执行情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting', 2),
 ('C3-03', 'C3', '重大事项“四议两公开”决策程序及结果', 'PUBLIC', 'EVENT', 7, 'disclosure-board,meeting', 3),
 ('C3-04', 'C3', '民主生活会、组织生活会召开及整改情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,documents', 4),
 ('C3-05', 'C3', '班子成员联系群众、调查研究情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 5),
 ('C3-06', 'C3', '村（社区）重大事项民主决策结果', 'PUBLIC', 'EVENT', 7, 'disclosure-board,meeting,leaflet', 6),
 ('C3-07', 'C3', '领导班子年度考核情况', 'PARTY_PART', 'REGULAR', NULL, 'meeting,documents', 7),
 ('C4-01', 'C4', '干部选拔任用工作政策规定', 'PUBLIC', 'REGULAR', NULL, 'county-website,newspaper', 1),
 ('C4-02', 'C4', '干部选拔任用职位、条件和程序', 'PUBLIC', 'EVENT', 5, 'county-website,disclosure-board', 2),
 ('C4-03', 'C4', '拟任人选任前公示', 'PUBLIC', 'EVENT', 5, 'county-website,newspaper,disclosure-board', 3),
 ('C4-04', 'C4', '干部选拔任用结果', 'PARTY_WIDE', 'EVENT', 7, 'documents,meeting', 4),
 ('C4-05', 'C4', '后备干部推荐情况', 'PARTY_PART', 'EVENT', 7, 'meeting', 5),
 ('C4-06', 'C4', '干部选拔任用工作“一报告两评议”情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,documents', 6),
 ('C5-01', 'C5', '年度发展党员计划', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,disclosure-board', 1),
 ('C5-02', 'C5', '入党积极分子确定情况', 'PARTY_WIDE', 'EVENT', 7, 'meeting,disclosure-board', 2),
 ('C5-03', 'C5', '发展对象公示', 'PUBLIC', 'EVENT', 5, 'disclosure-board,county-website', 3),
 ('C5-04', 'C5', '预备党员接收及转正情况', 'PARTY_WIDE', 'EVENT', 7, 'meeting,disclosure-board', 4),
 ('C5-05', 'C5', '党员组织关系转接情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,internal-network', 5),
 ('C5-06', 'C5', '民主评议党员结果', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,disclosure-board', 6),
 ('C5-07', 'C5', '党员教育培训开展情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website,new-media', 7),
 ('C6-01', 'C6', '党费收缴标准', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,disclosure-board', 1),
 ('C6-02', 'C6', '党员党费交纳情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,disclosure-board', 2),
 ('C6-03', 'C6', '党费使用管理情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,documents', 3),
 ('C6-04', 'C6', '上级下拨党费及党建工作经费使用情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,documents', 4),
 ('C6-05', 'C6', '特殊党费收缴使用情况', 'PUBLIC', 'EVENT', 15, 'disclosure-board,county-website', 5),
 ('C6-06', 'C6', '党费收缴使用管理检查情况', 'PARTY_PART', 'REGULAR', NULL, 'meeting,documents', 6),
 ('C7-01', 'C7', '党风廉政建设责任制落实情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 1),
 ('C7-02', 'C7', '中央八项规定精神落实情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 2),
 ('C7-03', 'C7', '“三公”经费使用情况', 'PUBLIC', 'REGULAR', NULL, 'county-website,disclosure-board', 3),
 ('C7-04', 'C7', '村（社区）干部廉洁履职情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,meeting', 4),
 ('C7-05', 'C7', '违纪违法问题查处情况', 'PARTY_PART', 'EVENT', 15, 'meeting,documents', 5),
 ('C7-06', 'C7', '巡察及审计发现问题整改情况', 'PUBLIC', 'EVENT', 15, 'county-website,disclosure-board', 6),
 ('C8-01', 'C8', '为民办实事承诺及办理情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website,tv-column', 1),
 ('C8-02', 'C8', '公开服务承诺及兑现情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website,newspaper', 2),
 ('C8-03', 'C8', '惠民政策落实及资金发放情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 3),
 ('C8-04', 'C8', '结对帮扶、困难群众帮扶情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,new-media', 4),
 ('C8-05', 'C8', '群众来信来访及意见建议办理情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 5),
 ('C8-06', 'C8', '便民服务事项及办事流程', 'PUBLIC', 'EVENT', 7, 'disclosure-board,county-website,leaflet', 6),
 ('C9-01', 'C9', '困难党员和老党员关怀慰问情况', 'PARTY_WIDE', 'REGULAR', NULL, 'meeting,disclosure-board', 1),
 ('C9-02', 'C9', '党内表彰奖励情况', 'PUBLIC', 'EVENT', 7, 'disclosure-board,county-website,newspaper', 2),
 ('C9-03', 'C9', '党员先锋模范作用发挥情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,tv-column,new-media', 3),
 ('C9-04', 'C9', '工会、共青团、妇联等群团工作情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website', 4),
 ('C9-05', 'C9', '党务公开工作开展及群众评议情况', 'PUBLIC', 'REGULAR', NULL, 'disclosure-board,county-website,journal', 5);
