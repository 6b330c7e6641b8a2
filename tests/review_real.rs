//! A measure of trust: the reviewer on real findings from public pages
//! (`tests/fixtures/review_real/*.txt`), every real fault in them marked by hand.
//! Prints precision (of what the reviewer flags as a fault, how much is one) and recall (of
//! the marked faults, how many it flags). Goals: precision ≥ 90%, recall ≥ 80%.
//!
//! Five sets are tuning sets and the rest former held-out sets: the
//! reviewer's rules have been written beside them, so their figures flatter it. A held-out set,
//! marked the same way and never tuned on, is the honest measure when there is one; the
//! README gives each set's first run.

mod import_support;
mod review_support;

use import_support::fixture;
use pouxi::clean::Rules;
use pouxi::draft::{Category, CategoryId, Draft, Finding, FindingId};
use pouxi::review::{self, ReviewItem, ReviewKind};
use review_support::{Score, marked_set, score};
use std::collections::BTreeMap;

/// Five tuning sets: `findings.txt`, `heldout.txt`, `heldout2.txt`, `heldout3.txt` and
/// `heldout5.txt`. All but the first were marked by hand before the reviewer first ran on them
/// (`heldout3.txt` by someone who neither ran the reviewer nor read its source), but rules
/// have been tuned on all five since (on `heldout5.txt`: 任然, 深遂 and giving way to others'
/// workload), so none of them is held out any more. `heldout4.txt`, then `heldout6.txt` to
/// `heldout17.txt` were held out in turn, each collected and marked by someone who neither ran the reviewer nor read its source, and
/// scored once after the last rule; then rules were written after reading what the reviewer
/// missed in them (`heldout4`/`heldout6`: `的被`, `习惯性的认为`, `近平` without `习`, `记录片`,
/// `四风` unquoted; `heldout7`: a heavy load stated as how things are, society given as the
/// cause, `因…而产生的`; `heldout8`: a real year with `X月`, `的将`/`的把`, `干的好`;
/// `heldout9`: `意识` before a predicate is no idiom slip, a cause word after the circumstance
/// is not its cause; `heldout10`: `D` for `党`, a re-spun page's `局部`/`开展党员`,
/// `表现的尤为明显`, a cause after `由于` with no part of the writer's own; `heldout11`: a lone
/// `x` before a measure word, planted gambling-site names, a circumstance that `将`/`把`
/// acts on, a condition after `存在`; `heldout12`: `〔...〕`, a cause that names nothing,
/// `看似`, `偶尔为之`, a manner word before a verb with a complement; `heldout13`: `著` for the
/// particle `着`, `共-产主义`, `不同程度的存在`, `岗位原因`; `heldout14`: `义正言辞`, `一副画`;
/// `heldout15`: a chain of hyphened words, hyphens after `是`, a share with its figure
/// dropped, `X市`, `非常的低下`, `很大得限制`, `拔`/`拨`, `差强人意`, a hard place of work, a
/// village drained of its young, people set in their ways, `本就琐碎`; `heldout16`: `的` after
/// an idiom or a doubled word before `混`/`过`/`活`, before `重新` and a verb, `非常的拖拉`,
/// `常年累月`, `慵懒散`, a `%` with its figure left out; `heldout17`: `非常的抱歉`, `急忙的回到`,
/// `很清楚的知道`, `由于` before a mere setting, `觉得` before a circumstance).
/// Their figures are
/// printed as former held-out sets, no longer honest and not asserted; the README gives each
/// one's first run, the honest figure. A new held-out set, when there is one, is printed the
/// same way, not asserted: a measure of the reviewer on text it has not seen, not a gate to
/// tune against (once a rule is written beside one, it becomes a tuning set).
/// `heldout15.txt` was scored once after the last rule (precision 78 %, recall 39 %), then
/// `heldout16.txt` (precision 100 %, recall 25 %), then `heldout17.txt` (precision 86 %,
/// recall 38 %), `heldout18.txt` (precision 64 %, recall 29 %), and `heldout19.txt`
/// (precision 98 %, recall 67 %; 7 of its 57 marks other than stray spaces) and
/// `heldout20.txt` (precision 94 %, recall 70 %; 2 of its 9 marks other than unfilled slots
/// and spaces) together, each before rules were written beside it (`heldout18`: `孰不知`,
/// `一直再`, `去年11份`, `的不得了`, `昏昏噩噩`, staff short given as a cause; `heldout19`:
/// any quality graded by a degree adverb, `进行地很顺利`, `做得工作`, `讲的支离破碎` after
/// `把`, `律已`, `心理想着`); then `heldout21.txt` and `heldout22.txt` together (precision
/// 69 %, recall 25 %), then tuned on (`象…一样`, `份内`, `辨解`, `做的怎样`, `坚持的好好的`,
/// `刘某某` as a name withheld, `工作越来越多`); then `heldout23.txt` and `heldout24.txt`
/// together (precision 88 %, recall 43 %), then tuned on (every excuse of a finding, not only
/// the first; `不尽人意`, `亚待`, `彻底的进行`, `☆个`, `囿于现有条件`, `受环境和条件限制`);
/// then `heldout25.txt` and `heldout26.txt` together (precision 88 %, recall 46 %), after which
/// `做为`, `挂勾` and the rest of a public list of common miswritten words went into the word
/// list; then `heldout27.txt` and `heldout28.txt` together (precision 93 %, recall 63 %), after
/// which `对对象` stopped being a doubled `对`; then `heldout29.txt` and `heldout30.txt`
/// together (precision 100 %, recall 48 %), after which `因时间紧张`, `清醒的认识到`,
/// `差的很远` and parents' lack of support were read; then `heldout31.txt` and `heldout32.txt`
/// together (precision 54 %, recall 18 %), after which `[X]`, a lone apostrophe between
/// Chinese characters, `有有`, `不负责任的把` and four hyphens as a dash were read; then
/// `heldout34.txt`, `heldout35.txt` and `heldout36.txt` together (precision 89 %, recall
/// 42 %), after which a re-spun page's `效劳`/`学问`/`法律规范`, `竞有`, `很好的贯彻落实`, a
/// test too hard and `因条件所限` were read; last `heldout33.txt`, `heldout37.txt`,
/// `heldout38.txt` and `heldout39.txt` together (precision 73 %, recall 42 %), after which a
/// condition or a load named as the problem itself, with nothing said to follow from it,
/// stopped being flagged, and Markdown's `**…**` became a leftover rather than a slot; last
/// `heldout40.txt`, `heldout41.txt` and `heldout42.txt` together (precision 93 %, recall
/// 44 %), after which `乘座`, `签订合同`, `书写病历`, help given after `由于` and
/// `叫地地不灵` were read; last `heldout43.txt`, `heldout44.txt` and `heldout45.txt` together
/// (precision 85 %, recall 33 %), after which a re-spun page's `平安`/`根底`/`处分`/`不标准`,
/// `时侯`, `秸杆`, `犯罪份子`, an event chanced on, others' rising demands, what others made
/// hard and `x厂` were read; last `heldout46.txt`, `heldout47.txt` and `heldout48.txt`
/// together (precision 74 %, recall 42 %), after which `请私信` (not an office's `群众私信`),
/// `对对帐`, a market's negation, busy said plainly, `不只一次` and `、、` were read; last
/// `heldout49.txt`, `heldout50.txt` and `heldout51.txt` together (precision 90 %, recall
/// 58 %), after which hyphens, `×` and `多少` for figures, `4。2%`, `。。`, policy and reform as
/// the times and people who do not cooperate were read; last `heldout52.txt`,
/// `heldout53.txt` and `heldout54.txt` together (precision 78 %, recall 36 %), after which
/// pay and funds short after `由于`, outside pressure, `截止去年` and `渡过时光` were read;
/// last `heldout55.txt`, `heldout56.txt` and `heldout57.txt` together (precision 100 %, recall
/// 49 %), after which `慢慢的我`, `了解的多一些`, `简单的让` and a box-drawing mark were read.
/// `heldout58.txt`, `heldout59.txt` and `heldout60.txt` were collected after that and held
/// out (`heldout59.txt` until `报有怨言` was read from it, in the sixth session). `heldout61.txt` (two batches of one brief, each
/// under 15 findings) was scored once (precision 50 %, recall 12 %), after which self-discipline
/// as one's own (`由于自律出了问题`), a lack set against the times with `，而`, `难免` after a
/// listed circumstance, `截止` before a date, `撑握`, `舍本求末`, `深化人心` and
/// `科学发展观的第一要义` were read, and a content farm's `相识有误区` and `供应优质服务`.
/// `heldout62.txt` (personal reviews kept as files in public GitHub repositories, the pages
/// corpus being used up) was scored once after that (precision 80 %, recall 38 %), after which
/// a vivid adverbial before an adverb and a verb (`浑浑噩噩的就这样过了一年`) was read;
/// `heldout63.txt` (teachers', students' and year-end reviews, from GitHub too) after that
/// (precision 86 %, recall 33 %), after which `时间的原因`, `奈何`, `不停的` and `的浏览` were
/// read. `heldout64.txt` and `heldout65.txt` (units' own reports and 2019–2022 campaign
/// material, the pages corpus's last unused pages of the genre) were scored once after that
/// (precision 81 % and 100 %, recall 46 % and 45 %), after which counts left as `000`, a lack
/// of money after `由于`, holding several posts, remoteness given as the cause, `普遍群众`,
/// `布暑`, `百难挑一` and `亲属亲属` were read. `heldout66.txt` (sixteen provinces' government
/// work reports, from GitHub) was scored once after that (precision 33 %, recall 100 %, of one
/// mark) and is held out, with no rule written from it; so is `heldout67.txt` (2025–2026
/// pages, eleven findings: precision and recall 100 %, of 21 stray spaces and 2 slots).
/// `heldout68.txt` (schools', a pathology department's and villages' own reports) was scored
/// once after that (precision 88 %, recall 33 %; its one false alarm `精力不集中` read as
/// `精力不济` miswritten, which the idiom check now leaves, `集中` being a word), after which
/// `窜岗`, `特别性`, `思想严峻`, `进展厕改` and `漂亮乡村` were read. `heldout69.txt` (duty
/// self-checks on Party work; nine findings from the three unused pages sixty searches met, one
/// mark) was scored once after that (nothing flagged: recall 0 % of one mark, a page mark
/// `1f`), after which a lone `f` between Chinese characters was read as such a mark.
/// `heldout70.txt` (units' own research reports on their remit) was scored once after that
/// (precision 91 %, recall 54 %), after which two different marks of a pause or stop side by
/// side (`照明。，`) and two decades run together (`六十七年代`) were read. `heldout71.txt`
/// (one-issue campaigns' self-examination and warning education, the leaders' speeches at
/// them) was scored once after that (precision 89 %, recall 62 %), after which `更加` as a
/// degree adverb in a complement (`表现的更加突出`) and `层次转发` were read.
/// `heldout72.txt` (infrastructure and utilities) was scored once after that (precision 67 %,
/// recall 29 %), after which a lone `x` among Chinese words as a slot (`仅 X 一地`), `纪录`
/// after `创造`, `低下` after `情绪` and `反映` after `客观的` were read; `heldout73.txt`
/// (agriculture, forestry and water) and `heldout74.txt` (culture, tourism and media) were
/// scored once after that, together (precision 92 %, recall 36 %), after which `因受国家投资
/// 限制`, `行政综合执法`, `ZZ` for 政治, `眷查` and `存在在编不在岗` were read.
/// `heldout75.txt` (units' compliance self-checks) and `heldout76.txt` (front-line workers'
/// own reviews) were scored once after that, together (precision 80 %, recall 38 %), after
/// which a template's hint in square brackets (`[具体日期]`), `旳` for 的, `其她部门`, a verb no
/// list holds known by `了` and an object or by `一下` (`不可避免的遇到了`), `特别的敏感` and
/// `城乡结合部` given as the cause were read.
/// `heldout77.txt` (two small batches joined: united-front bodies and associations, and
/// elderly-care and veterans' work; ten findings, the corpus nearly used up on both themes) was
/// scored once after that (precision 67 %, recall 29 %) and is held out, with no rule written
/// from it. `heldout80.txt` (police, legal and judicial units), `heldout81.txt` (finance and
/// state industry) and `heldout82.txt` (mass organisations and Party departments) were scored
/// once after that, together (precision 89 %, recall 59 %), after which `公共法律体系`,
/// `政法委会`, the times' demands taken on (`随着…，对我们提出了更高要求`) and a doubled `在`
/// after `现在` were read. `heldout84.txt` (students' organisations and private firms' staff;
/// a batch of 2016–2018 campaign speeches found no unused page) was scored once after that
/// (precision 85 %, recall 38 %), after which a download notice needing a document's word
/// (`可以随意修改` alone is a plan's state), `做的并不是很好`, `理解的并不深刻` and
/// `彻底的融合` were read. `heldout85.txt` (organisers' summaries of events they ran) and
/// `heldout86.txt` (school departments' and teaching groups' summaries) were scored once after
/// that, together (precision 69 %, recall 34 %), after which a degree word after a verb that
/// takes a doing (`做了比较充分的准备`), a pair of words alone in quotation marks
/// (`“教学-后勤”`), a verb and `到` (`没有很好的考虑到`) and `牢固` were read.
/// `heldout87.txt` (written self-criticisms for a lapse), `heldout88.txt` (interns' and new
/// staff's summaries) and `heldout89.txt` (company staff's and departments' reviews) were
/// scored once after that, together (precision 93 %, recall 56 %), after which a pictograph
/// between characters (`幸福市☢对外`), a degree adverb before `有` or one character
/// (`十分的有信心`, `特别的乖`), doubled adverbs (`渐渐的走入`), `更多的从`, `主动的去介入`,
/// `能很好的表现`, `做得的`, `事务繁忙`, seasons as a cause, `由于操作失误` as one's own and
/// an idiom the word list corrects (`娇柔造作` → `矫揉造作`) were read. `heldout90.txt` (units'
/// accounts of an incident in their remit), `heldout91.txt` (rectification reports restating
/// what an inspection found) and `heldout92.txt` (grassroots Party members outside schools;
/// nine findings, the corpus used up on the theme) were scored once after that, together
/// (precision 79 %, recall 49 %), after which a re-spun, mis-scanned report's `贫圆户`,
/// `补助资全`, `县人杜局`, `局部贫困户` and `签约效劳`, and `垃圾堆砌` were read.
/// `heldout93.txt` (the recent study campaigns, and leaders' speeches on the units they lead)
/// and `heldout94.txt` (police, courts, discipline and petition staff; twenty findings, the
/// corpus used up on the theme) were scored once after that, together (precision 95 %,
/// recall 56 %), after which `由于对…、…了解不够` as one's own cause, a bracketed hint
/// (`（名称）`), `抵毁`, `欠帐`, `等方而` and the variant `固步自封` were read.
/// `heldout95.txt` (army, armed police, militia, veterans' and border units) and
/// `heldout96.txt` (professionals outside government offices; mostly units' replies to the
/// public and publications' corrections) were scored once after that, together (precision
/// 94 %, recall 48 %), after which `说的多，做的少`, `一味的`, `擦的不很彻底`, `正值暑假`,
/// `不经易`, `推捼`, `浅意识` and `科技成果转换` were read.
/// `heldout97.txt` (the Party's campaigns of 2013–2018 and their successors; the corpus used
/// up on the theme) and `heldout98.txt` (cadres on assignment away from their post, mostly
/// their diaries) were scored once after that, together (precision 100 %, recall 66 %),
/// after which `因人员较少等原因` and `写的让人` were read.
/// `heldout99.txt` (teachers' reflections on their own lessons and classes; one page re-spun
/// with synonyms) and `heldout100.txt` (what trainees admit about themselves in 心得体会) were
/// scored once after that, together (precision 92 %, recall 23 %), after which `紧张的连`,
/// `听的明白`, `遗憾的告诉`, `因天气因素`, `因为工作的事情`, `曾因病人不配合`, `昨日黄花`,
/// `其它同学` and the spun `抱负训练` were read.
/// `heldout101.txt` (students' reflections on their own studies, joined with a seven-finding
/// batch on village and community cadres whose pages were nearly all used) was scored once
/// after that (precision 100 %, recall 38 %), after which `亦或` was read.
/// `heldout103.txt` (Youth League members' and bodies' own self-assessment) and
/// `heldout104.txt` (finance staff's own shortcomings, joined with an eight-finding batch on
/// school heads whose pages were nearly all used) were scored once after that, together
/// (precision 83 %, recall 26 %); `heldout106.txt` (units' self-inspection in one field) and
/// `heldout107.txt` (young cadres) after them, together (precision 77 %, recall 34 %); after
/// which `没有到达…标准`, `喊的响、做的少`, `详细的讲解了`, `历史遗留问题导致`, `因职能调整`,
/// `迷芒`, `债卷`, `敲醒了警钟` and the planted `飞禽走兽老虎机` were read, and two idiom false
/// alarms (`当事人认为我`, `不能够去`) put right.
/// `heldout108.txt` (frontline workers and team leaders), `heldout109.txt` (township
/// stations) and `heldout110.txt` (nurses and hospital departments) were scored once after
/// that, together (precision 80 %, recall 17 %), after which `接触的越多`, `心浮气燥` and
/// `怎麽` were read; `heldout112.txt` (social organisations, joined with a one-finding batch
/// on deputies and CPPCC members) and `heldout113.txt` (support services) after them,
/// together (precision 100 %, recall 65 %), after which `受疫情和多方面的影响` and `处于对`
/// were read, and an earlier excuse no longer hidden by a later one.
/// `heldout114.txt` (company staff, mostly developers' year-end reviews) and `heldout115.txt`
/// (interns and trainees), together (precision 80 %, recall 28 %), and `heldout116.txt`
/// (service trades) and `heldout117.txt` (service windows), together (precision 82 %,
/// recall 43 %), were scored once after that; after which `纠其原因`, `不知到`, `招受`,
/// `常驻人口`, `收到了波及`, `百分之30%`, `做的极其不切实际`, `多的来不及`, `工作条件限制，`
/// as an excuse and `受当时技术能力限制` as one's own were read, and `[不分梨]`, `可是是`
/// and `连锁反应问题` no longer flagged. `heldout118.txt` (software staff) and
/// `heldout119.txt` (operations and media staff), together (precision 85 %, recall 25 %),
/// and `heldout120.txt` (coaches and performers) and `heldout121.txt` (parents), together
/// (precision 57 %, recall 10 %), after them; after which `慢慢的`, `狠狠的揍一顿`,
/// `因为…事情很多`, rain and `工作关系` as a cause, `判逆` and `在也没` were read, and a rule
/// for `止不住的` written after the sets before was dropped. `heldout122.txt` (exam
/// candidates) and `heldout123.txt` (small business owners; typed by hand from the excerpts),
/// together (precision 50 %, recall 7 %), and `heldout124.txt` (graduate students) and
/// `heldout125.txt` (growers and keepers; seventeen findings), together (precision 75 %,
/// recall 17 %), after them; after which `由于是…` as what a thing is, `少的可怜` and
/// `写的不行` were read. `heldout126.txt` (units' public apologies) and `heldout127.txt`
/// (retrospectives), together (precision 77 %, recall 53 %), `heldout128.txt` (volunteers
/// and community workers; a page found word for word in `heldout76.txt` dropped) and
/// `heldout129.txt` (back-office and support staff), together (precision 83 %, recall 33 %),
/// and `heldout130.txt` (writers and publishers) and `heldout131.txt` (daily habits),
/// together (precision 55 %, recall 23 %), were scored once at the same commit; after which
/// an outside condition's limit anywhere in a clause, an unnamed engagement (`因为有事`),
/// `不加思索`, `违法了《…》`, `调査`, `非常大意的没有`, `及时有效的向` were read, and
/// `对对方`, `觉得不得不`, `然后然后...`, `最近的更新`, `对自己一次又一次的放纵` and an
/// emergency named without a cause word no longer flagged. `heldout132.txt` (medical
/// staff; a page found word for word in `heldout100.txt` dropped) and `heldout133.txt`
/// (sales agents), together (precision 91 %, recall 30 %), `heldout134.txt` (residents'
/// bodies; thirty-one findings) and `heldout135.txt` (researchers), together (precision 60 %,
/// recall 29 %), and `heldout136.txt` (guides and organisers; a page found in `heldout85.txt`
/// and two reprints dropped) and `heldout137.txt` (tutors and instructors), together
/// (precision 95 %, recall 35 %), were scored once after those rules; after which `坦诚的说，`,
/// `细心的再次检查`, `一点一点的消失`, `急手`, `大幅下划` and `相关甚远` were read, and one's own
/// nerves or delay after `由于` (`由于太过紧张`) no longer flagged. `heldout138.txt` (job
/// seekers) and `heldout139.txt` (investors; one mark), together (precision 86 %, recall
/// 24 %), `heldout140.txt` (designers and engineers) and `heldout141.txt` (legal staff),
/// together (precision 89 %, recall 29 %), and `heldout142.txt` (drivers, couriers and
/// guards) and `heldout143.txt` (contestants), together (precision 90 %, recall 18 %), were
/// scored once after those rules; after which a feeling before what it made one do or say
/// (`愤怒的问`, `紧张的一夜没睡`), `分析的越透彻`, `调整的比较快`, `不是特别好`, time running
/// out given as the cause (`但时间不够，只能退赛了`), an emoji beside Chinese text, `什莫`,
/// `石沉海底`, `一只由`, `齐次，` and the spinner's `东说念主` were read, and `理性的我做了决定`
/// no longer flagged. `heldout144.txt` (HR and office staff) and `heldout145.txt` (pharmacy
/// and lab staff), together (precision 92 %, recall 31 %), `heldout146.txt` (warehouse and
/// procurement staff; twenty-seven findings) and `heldout147.txt` (players), together
/// (precision 83 %, recall 18 %), and `heldout148.txt` (customer service) and
/// `heldout149.txt` (quality and production staff; a page also taken in `heldout146.txt`
/// dropped), together (precision 89 %, recall 32 %), were scored once after those rules;
/// after which `踉踉跄跄的往前走`, `简单的练习过。`, `懊悔的喊`, `高兴的忘乎所以`, `做的还远远
/// 不够`, `无济无事`, `投拆`, `竞是`, `心理都明白`, `烦躁心里`, `时间、经历` and the spinner's
/// `边肖` were read, and `一时不知` and one's own judgement after `由于` (`由于在心里认为…`)
/// no longer flagged. `heldout150.txt` (cooks and restaurant staff; two pages found word for
/// word in `heldout115.txt` and `heldout126.txt` dropped) and `heldout151.txt` (bank staff),
/// together (precision 85 %, recall 24 %), `heldout152.txt` (electricians and IT operations)
/// and `heldout153.txt` (urban management and sanitation), together (precision 94 %, recall
/// 43 %), and `heldout154.txt` (relationships) and `heldout155.txt` (domestic workers and
/// carers), together (precision 67 %, recall 7 %), were scored once after those rules; after
/// which `零零散散的看完`, `天真的以为`, `一年一年的过去`, `无比的熟悉`, a pictograph beside
/// Chinese text (`…⏰`), `默不做声`, `难持其咎`, `覆盘`, `尽然`, `报怨` and the spinner's `感遭到`
/// were read, and a counted phrase listed after `经历了` (`一次次的波折和困难`), an age that sets
/// the standard (`这个年纪该有的`) and `咕咚咕咚` no longer flagged. `heldout156.txt`
/// (kindergarten teachers; a reprint of a taken essay dropped) and `heldout157.txt` (student
/// cadres), together (precision 80 %, recall 30 %), `heldout158.txt` (grid workers and
/// village-stationed cadres; a page found word for word in `heldout98.txt` dropped) and
/// `heldout159.txt` (crews; twenty-six findings), together (precision 88 %, recall 37 %), and
/// `heldout160.txt` (beauty, hair and gym staff; two reprints of a taken essay dropped) and
/// `heldout161.txt` (learner drivers), together (precision 80 %, recall 14 %), were scored
/// once after those rules; after which `压缩的好紧`, `想的太超前了`, `住的差一些`,
/// `让友谊变的薄脆`, `急匆匆的升起来`, `糊涂的乱说`, `如何的去`, `无耐`, `灯火酒绿`,
/// `主动能动性`, `去驾校报道` and `嘻笑` were read, and `风生水起` and one's own nature after
/// `由于` (`由于从小玩性重`) no longer flagged. `heldout162.txt` (reporters and publicity
/// staff; a page found word for word in `heldout74.txt` dropped) and `heldout163.txt`
/// (archivists and librarians; a reworded copy of a taken report dropped), together
/// (precision 67 %, recall 10 %), `heldout164.txt` (pupils' and students' letters of
/// self-criticism) and `heldout165.txt` (firefighters and fire drills), together (precision
/// 67 %, recall 35 %), and `heldout166.txt` (retirees looking back) and `heldout167.txt`
/// (village doctors and health workers; twenty-two findings; a page found word for word in
/// `heldout100.txt` dropped), together (precision 38 %, recall 12 %), were scored once after
/// those rules; after which `不能有效的调动`, `自然而然的想睡`, `非常愧疚的说：`,
/// `去的那么勤`, `困挠`, `禁戒线`, `尤未尽` and `烦躁乏味` were read, and `过誉过誉`,
/// `继续摸继续摸`, `不堪一击的自己`, a dash typed as `--` before `如果`, `年龄的差异`,
/// `主客观因素` and a limit that describes a task (`受时间所限的紧急任务`) no longer flagged.
/// `heldout168.txt` (music learners) and `heldout169.txt` (pet owners), together (precision
/// 56 %, recall 14 %), `heldout170.txt` (amateur runners) and `heldout171.txt` (camp
/// counsellors; a page found word for word in `heldout76.txt` dropped), together (precision
/// 85 %, recall 56 %), and `heldout172.txt` (language learners) and `heldout173.txt`
/// (travellers), together (precision 56 %, recall 9 %), were scored once after those rules;
/// after which one's own excess or act after `由于` (`由于过于激进`, `由于拾掇出了一堆…`),
/// `每一年每一年` and `觉得得写出来` no longer flagged.
/// `heldout174.txt` (livestreamers and self-media writers) and `heldout175.txt` (shop
/// assistants, cashiers and store managers), together (precision 40 %, recall 8 %),
/// `heldout176.txt` (construction-site staff) and `heldout177.txt` (coaches and referees),
/// together (precision 100 %, recall 26 %), and `heldout178.txt` (farmers, growers and
/// breeders) and `heldout179.txt` (exam takers), together (precision 100 %, recall 35 %), were
/// scored once after those rules; after which the weather a sentence goes on from
/// (`天气太热，…`), a verb's state in an idiom (`争吵的天翻地覆`), what a verb can reach
/// (`跟的上`), `开玩笑的说`, `的不到`, `一窃不通`, `长期以往` and `归根溯源` were read, and
/// `粉丝群体` and `有才能的干着` no longer flagged. `heldout180.txt` (hotel and homestay staff; a
/// reprint of a taken report dropped) and `heldout181.txt` (translators and interpreters),
/// together (precision 100 %, recall 44 %), `heldout182.txt` (photographers and videographers)
/// and `heldout183.txt` (parents), together (precision 86 %, recall 17 %), and
/// `heldout184.txt` (recruits and military trainees) and `heldout185.txt` (gamers), together
/// (precision 88 %, recall 41 %), were scored once after those rules; after which
/// `疲惫的要死`, `看的懂`, `站的东倒西歪`, `极力的`, `大声的吼`, `坦白的说`, `想当然的觉得`,
/// `每况日下`, `副面`, `那怕` and `翻出鱼肚皮` were read, and `积极性的发挥` and
/// `不轻不重的脚` no longer flagged. `heldout186.txt` (founders; a page found word for word in
/// `heldout123.txt` dropped) and `heldout187.txt` (online-shop owners), together (precision
/// 100 %, recall 22 %), `heldout188.txt` (freelancers) and `heldout189.txt` (home cooks and
/// bakers), together (precision 83 %, recall 14 %), and `heldout190.txt` (gardeners and
/// anglers) and `heldout191.txt` (programmers; pages found word for word in `heldout89.txt`
/// and `heldout114.txt` dropped), together (precision 68 %, recall 36 %), were scored once
/// after those rules; after which `软的像`, `打击的一文不值`, `愚蠢的忘记`, `欢快的往外跑`,
/// `资金不多` and eleven wrong words were read, and `由于刚刚接触路亚` and `死甜死甜` no
/// longer flagged. `heldout192.txt` (hosts and MCs) and `heldout193.txt` (dancers), together
/// (precision 69 %, recall 18 %), `heldout194.txt` (calligraphy and painting learners) and
/// `heldout195.txt` (students abroad), together (precision 80 %, recall 23 %), and
/// `heldout196.txt` (dieters) and `heldout197.txt` (home buyers and renovators), together
/// (precision 100 %, recall 9 %), were scored once after those rules; after which three full
/// stops or more (`优柔寡断。。。`) were read as an ellipsis typed loosely. `heldout198.txt`
/// (borrowers) and `heldout199.txt` (smokers and drinkers), together (precision 45 %, recall
/// 16 %), `heldout200.txt` (stage performers) and `heldout201.txt` (hikers, climbers and
/// cyclists), together (precision 100 %, recall 64 %), and `heldout202.txt` (tenants and
/// landlords) and `heldout203.txt` (handicraft makers), together (precision 67 %, recall
/// 18 %), were scored once after those rules; after which `疼的起不了身`, `花的厉害`,
/// `大的不像样`, `用的得心应手`, `因为堵车`, `因为工作调动的缘故` and eleven wrong words were
/// read, and `直到达到` and `反省反省` no longer flagged. `heldout204.txt` (new drivers; a
/// page found word for word in `heldout129.txt` dropped) and `heldout205.txt` (people who quit
/// their jobs), together (precision 70 %, recall 32 %), `heldout206.txt` (gym-goers) and
/// `heldout207.txt` (thesis writers), together (precision 91 %, recall 38 %), and
/// `heldout208.txt` (impulse shoppers) and `heldout209.txt` (street-stall sellers), together
/// (precision 88 %, recall 27 %), were scored once after those rules; after which `不温不火的
/// 进行`, `我行我素的去做`, `毫不客气的说` and eleven wrong words were read, and `由于对事情想得
/// 太简单`, `由于换行业的关系`, `由于初期乱买一通` and `第一篇的时候` no longer flagged.
/// `heldout210.txt` (students in part-time jobs) and `heldout211.txt` (web-novel writers),
/// together (precision 100 %, recall 23 %), `heldout212.txt` (new employees; a page taken in
/// `heldout210.txt` too dropped) and `heldout213.txt` (couples planning a wedding), together
/// (precision 83 %, recall 19 %), and `heldout214.txt` (people moving house) and
/// `heldout215.txt` (family caregivers), together (precision 50 %, recall 14 %), were scored
/// once after those rules; after which `尽可能的减少`, `接二连三的打进来`, `固执的认为`,
/// `多的数不胜数` and `惹人入胜` were read, and `呆在家里` and `赶紧辞职赶紧辞职` no longer
/// flagged. `heldout216.txt` (car buyers and owners) and `heldout217.txt` (blind dates),
/// together (precision 75 %, recall 23 %), `heldout218.txt` (open lessons) and
/// `heldout219.txt` (police officers), together (precision 78 %, recall 23 %), and
/// `heldout220.txt` (second-hand sellers) and `heldout221.txt` (small shop owners), together
/// (precision 92 %, recall 42 %), were scored once after those rules; after which radicals
/// copied out of PDFs, pinyin glosses, a tag that lost its bracket, a page counter,
/// `暴躁的无法抑制`, `自己想的太简单` and nine wrong words were read, and `由于着急`,
/// `没有我自己安排的那么高` and a stammer (`我我我`) no longer flagged. `heldout222.txt`
/// (office clerks) and `heldout223.txt` (apprentices; a spun copy of a page taken above it
/// dropped), together (precision 100 %, recall 37 %), `heldout224.txt` (volunteer teachers)
/// and `heldout225.txt` (pupils after exams), together (precision 75 %, recall 13 %), and
/// `heldout226.txt` (husbands and wives) and `heldout227.txt` (young civil servants),
/// together (precision 78 %, recall 28 %), were scored once after those rules; after which
/// `累的胳膊都抬不起来`, `紧张的手哆嗦`, `恨的咬牙切齿` and nine wrong words were read, and
/// `哈哈哈哈哈哈` and `由于以前在学校学的是…专业` no longer flagged. `heldout228.txt`
/// (online-course learners) and `heldout229.txt` (factory workers), together (precision
/// 83 %, recall 16 %), `heldout230.txt` (gamblers) and `heldout231.txt` (people who were
/// cheated), together (precision 100 %, recall 47 %), and `heldout232.txt` (grandparents
/// raising grandchildren) and `heldout233.txt` (head teachers), together (precision 67 %,
/// recall 13 %), were scored once after those rules; after which `简单的不能再简单`,
/// `弄的一团糟`, `好奇的跑`, `眼晴` and `同学门` were read, and `心中有愧` no longer flagged.
/// `heldout234.txt` (new mothers) and `heldout235.txt` (apologies for posts online),
/// together (precision 52 %, recall 49 %; nineteen of its twenty false alarms a space after
/// a mark, which its marker left unmarked), `heldout236.txt` (employees' letters of
/// self-criticism) and `heldout237.txt` (traffic offenders; a spun copy dropped), together
/// (precision 85 %, recall 55 %), and `heldout238.txt` (neglected health) and
/// `heldout239.txt` (choosing a major), together (precision 100 %, recall 16 %), were scored
/// once after those rules; after which spaces on both sides of a mark became one fault,
/// `努力的在工作`, `担心的不敢睡觉`, pressure and `无人指点` as a cause and two wrong words
/// were read, and `优化优化` no longer flagged. `heldout240.txt` (prisoners' repentance) and
/// `heldout241.txt` (roommates), together (precision 75 %, recall 24 %), `heldout242.txt`
/// (grown children and their parents) and `heldout243.txt` (teachers after a teaching
/// accident), together (precision 54 %, recall 21 %), and `heldout244.txt` (readers) and
/// `heldout245.txt` (military training; a copy of a page an earlier set took dropped),
/// together (precision 83 %, recall 12 %), were scored once after those rules; after which
/// `一次又一次的失败，一次又一次的等待`, `打算打算`, `由于屡次违反校规`, `由于给自己施加压力太大`
/// and `公认的不行` no longer flagged. `heldout246.txt` (group projects) and `heldout247.txt`
/// (party-school and course participants), together (precision 100 %, recall 23 %),
/// `heldout248.txt` (student teachers) and `heldout249.txt` (neighbours), together (precision
/// 100 %, recall 68 %), and `heldout251.txt` (sports meets; `heldout250` found one unused
/// page and is not scored), alone (precision 100 %, recall 27 %), were scored once after those
/// rules; after which six wrong words were read. `heldout252.txt` (procrastinators) and
/// `heldout253.txt` (phone addiction), together (precision 77 %, recall 32 %),
/// `heldout254.txt` (collectors) and `heldout255.txt` (fans; three pages other sets of its
/// round took dropped), together (precision 90 %, recall 36 %), and `heldout256.txt`
/// (siblings) and `heldout257.txt` (first-year students), together (precision 90 %, recall
/// 20 %), were scored once before any rule was drawn from them; after which words of course
/// (`不断的`, `不停的`) took `地`, a graded quality after any verb of action became a
/// complement, and youth looked back on became an excuse. `heldout258.txt` (comedians and
/// hosts) and `heldout259.txt` (choirs and bands; a copy of a page `heldout136.txt` took
/// dropped), together (precision 47 %, recall 23 %), `heldout260.txt` (debaters; two pages
/// `heldout258.txt` took dropped) and `heldout261.txt` (children who lied), together
/// (precision 80 %, recall 24 %), and `heldout262.txt` (careless people) and
/// `heldout263.txt` (learners of outdoor skills), together (precision 80 %, recall 34 %), were
/// scored once after those rules; after which a `缘故` and bad luck became excuses.
/// `heldout264.txt` (the late) and `heldout265.txt` (broken promises), together (precision
/// 87 %, recall 46 %), `heldout266.txt` (lost data) and `heldout267.txt` (lost tempers),
/// together (precision 64 %, recall 29 %), and `heldout268.txt` (missed trains) and
/// `heldout269.txt` (words that hurt; a page `heldout267.txt` took dropped), together
/// (precision 73 %, recall 23 %), were scored once after those rules; after which
/// `得意洋洋`, `原谅原谅`, `很难过很难过`, pride and unfamiliarity as causes no longer flagged.
/// `heldout270.txt` (plants and pets lost to neglect) and `heldout271.txt` (drunken
/// conduct), together (precision 92 %, recall 38 %), `heldout272.txt` (copied work) and
/// `heldout273.txt` (family quarrels), together (precision 88 %, recall 25 %), and
/// `heldout274.txt` (drivers' own crashes) and `heldout275.txt` (hikers and travellers
/// unprepared), together (precision 68 %, recall 40 %), were scored once before any rule was
/// drawn from them; after which an idiom of how a doing went took `得`, `地` before a noun of
/// feeling took `的`, and busyness then what it crowded out became an excuse.
/// `heldout276.txt` (ended relationships) and `heldout277.txt` (anglers), together (precision
/// 83 %, recall 43 %), `heldout278.txt` (translators) and `heldout279.txt` (tutors; a copy of
/// a page `heldout224.txt` took dropped), together (precision 67 %, recall 21 %), and
/// `heldout280.txt` (lenders; a copy of a page `heldout221.txt` took dropped) and
/// `heldout281.txt` (home cooks), together (precision 100 %, recall 24 %), were scored once
/// after those rules; after which `弄的我` took `得` and a word said three times was left.
/// `heldout282.txt` (hosts of gatherings) and `heldout283.txt` (drawing and calligraphy),
/// together (precision 80 %, recall 24 %), `heldout284.txt` (gifts and favours; a page
/// `heldout282.txt` took dropped) and `heldout285.txt` (house and car buyers; 30 findings),
/// together (precision 77 %, recall 42 %), and `heldout286.txt` (learner drivers) and
/// `heldout287.txt` (bridesmaids and event hosts; a page `heldout282.txt` took and a copy of
/// one `heldout74.txt` took dropped), together (precision 100 %, recall 15 %), were scored
/// once after those rules; after which `对对碰`, `是不是不`, `极菜极菜` no longer flagged.
/// Every tuning set
/// is held to the precision goal; the first and the union of all five to the recall goal.
#[test]
fn precision_and_recall_on_real_findings() {
    let set = |name: &str| {
        let (findings, unmarked_spaces) = marked_set(&format!("review_real/{name}"));
        // A set is at least nine findings (the last unused pages of a used-up corpus gave one
        // set eleven, another nine); the measures are sets taken together, and the issue asks
        // for thirty.
        assert!(findings.len() >= 9, "{name}: {} findings", findings.len());
        score(&findings, unmarked_spaces)
    };
    let sets: Vec<(String, Score)> = [
        ("tuning set 1", set("findings.txt")),
        ("tuning set 2", set("heldout.txt")),
        ("tuning set 3", set("heldout2.txt")),
        ("tuning set 4", set("heldout3.txt")),
        ("tuning set 5", set("heldout5.txt")),
    ]
    .into_iter()
    .map(|(name, score)| (name.to_owned(), score))
    .collect();
    // In the order they were held out, so each keeps the number the README gives it.
    let formerly_held_out: Vec<(String, Score)> = [
        "heldout4.txt",
        "heldout6.txt",
        "heldout7.txt",
        "heldout8.txt",
        "heldout9.txt",
        "heldout10.txt",
        "heldout11.txt",
        "heldout12.txt",
        "heldout13.txt",
        "heldout14.txt",
        "heldout15.txt",
        "heldout16.txt",
        "heldout17.txt",
        "heldout18.txt",
        "heldout19.txt",
        "heldout20.txt",
        "heldout21.txt",
        "heldout22.txt",
        "heldout23.txt",
        "heldout24.txt",
        "heldout25.txt",
        "heldout26.txt",
        "heldout27.txt",
        "heldout28.txt",
        "heldout29.txt",
        "heldout30.txt",
        "heldout31.txt",
        "heldout32.txt",
        "heldout34.txt",
        "heldout35.txt",
        "heldout36.txt",
        "heldout33.txt",
        "heldout37.txt",
        "heldout38.txt",
        "heldout39.txt",
        "heldout40.txt",
        "heldout41.txt",
        "heldout42.txt",
        "heldout43.txt",
        "heldout44.txt",
        "heldout45.txt",
        "heldout46.txt",
        "heldout47.txt",
        "heldout48.txt",
        "heldout49.txt",
        "heldout50.txt",
        "heldout51.txt",
        "heldout52.txt",
        "heldout53.txt",
        "heldout54.txt",
        "heldout55.txt",
        "heldout56.txt",
        "heldout57.txt",
        "heldout61.txt",
        "heldout62.txt",
        "heldout63.txt",
        "heldout64.txt",
        "heldout65.txt",
        "heldout68.txt",
        "heldout69.txt",
        "heldout70.txt",
        "heldout59.txt",
        "heldout71.txt",
        "heldout72.txt",
        "heldout73.txt",
        "heldout74.txt",
        "heldout75.txt",
        "heldout76.txt",
        "heldout80.txt",
        "heldout81.txt",
        "heldout82.txt",
        "heldout84.txt",
        "heldout85.txt",
        "heldout86.txt",
        "heldout87.txt",
        "heldout88.txt",
        "heldout89.txt",
        "heldout90.txt",
        "heldout91.txt",
        "heldout92.txt",
        "heldout93.txt",
        "heldout94.txt",
        "heldout95.txt",
        "heldout96.txt",
        "heldout97.txt",
        "heldout98.txt",
        "heldout99.txt",
        "heldout100.txt",
        "heldout101.txt",
        "heldout103.txt",
        "heldout104.txt",
        "heldout106.txt",
        "heldout107.txt",
        "heldout108.txt",
        "heldout109.txt",
        "heldout110.txt",
        "heldout112.txt",
        "heldout113.txt",
        "heldout114.txt",
        "heldout115.txt",
        "heldout116.txt",
        "heldout117.txt",
        "heldout118.txt",
        "heldout119.txt",
        "heldout120.txt",
        "heldout121.txt",
        "heldout122.txt",
        "heldout123.txt",
        "heldout124.txt",
        "heldout125.txt",
        "heldout126.txt",
        "heldout127.txt",
        "heldout128.txt",
        "heldout129.txt",
        "heldout130.txt",
        "heldout131.txt",
        "heldout132.txt",
        "heldout133.txt",
        "heldout134.txt",
        "heldout135.txt",
        "heldout136.txt",
        "heldout137.txt",
        "heldout138.txt",
        "heldout139.txt",
        "heldout140.txt",
        "heldout141.txt",
        "heldout142.txt",
        "heldout143.txt",
        "heldout144.txt",
        "heldout145.txt",
        "heldout146.txt",
        "heldout147.txt",
        "heldout148.txt",
        "heldout149.txt",
        "heldout150.txt",
        "heldout151.txt",
        "heldout152.txt",
        "heldout153.txt",
        "heldout154.txt",
        "heldout155.txt",
        "heldout156.txt",
        "heldout157.txt",
        "heldout158.txt",
        "heldout159.txt",
        "heldout160.txt",
        "heldout161.txt",
        "heldout162.txt",
        "heldout163.txt",
        "heldout164.txt",
        "heldout165.txt",
        "heldout166.txt",
        "heldout167.txt",
        "heldout168.txt",
        "heldout169.txt",
        "heldout170.txt",
        "heldout171.txt",
        "heldout172.txt",
        "heldout173.txt",
        "heldout174.txt",
        "heldout175.txt",
        "heldout176.txt",
        "heldout177.txt",
        "heldout178.txt",
        "heldout179.txt",
        "heldout180.txt",
        "heldout181.txt",
        "heldout182.txt",
        "heldout183.txt",
        "heldout184.txt",
        "heldout185.txt",
        "heldout186.txt",
        "heldout187.txt",
        "heldout188.txt",
        "heldout189.txt",
        "heldout190.txt",
        "heldout191.txt",
        "heldout192.txt",
        "heldout193.txt",
        "heldout194.txt",
        "heldout195.txt",
        "heldout196.txt",
        "heldout197.txt",
        "heldout198.txt",
        "heldout199.txt",
        "heldout200.txt",
        "heldout201.txt",
        "heldout202.txt",
        "heldout203.txt",
        "heldout204.txt",
        "heldout205.txt",
        "heldout206.txt",
        "heldout207.txt",
        "heldout208.txt",
        "heldout209.txt",
        "heldout210.txt",
        "heldout211.txt",
        "heldout212.txt",
        "heldout213.txt",
        "heldout214.txt",
        "heldout215.txt",
        "heldout216.txt",
        "heldout217.txt",
        "heldout218.txt",
        "heldout219.txt",
        "heldout220.txt",
        "heldout221.txt",
        "heldout222.txt",
        "heldout223.txt",
        "heldout224.txt",
        "heldout225.txt",
        "heldout226.txt",
        "heldout227.txt",
        "heldout228.txt",
        "heldout229.txt",
        "heldout230.txt",
        "heldout231.txt",
        "heldout232.txt",
        "heldout233.txt",
        "heldout234.txt",
        "heldout235.txt",
        "heldout236.txt",
        "heldout237.txt",
        "heldout238.txt",
        "heldout239.txt",
        "heldout240.txt",
        "heldout241.txt",
        "heldout242.txt",
        "heldout243.txt",
        "heldout244.txt",
        "heldout245.txt",
        "heldout246.txt",
        "heldout247.txt",
        "heldout248.txt",
        "heldout249.txt",
        "heldout251.txt",
        "heldout252.txt",
        "heldout253.txt",
        "heldout254.txt",
        "heldout255.txt",
        "heldout256.txt",
        "heldout257.txt",
        "heldout258.txt",
        "heldout259.txt",
        "heldout260.txt",
        "heldout261.txt",
        "heldout262.txt",
        "heldout263.txt",
        "heldout264.txt",
        "heldout265.txt",
        "heldout266.txt",
        "heldout267.txt",
        "heldout268.txt",
        "heldout269.txt",
        "heldout270.txt",
        "heldout271.txt",
        "heldout272.txt",
        "heldout273.txt",
        "heldout274.txt",
        "heldout275.txt",
        "heldout276.txt",
        "heldout277.txt",
        "heldout278.txt",
        "heldout279.txt",
        "heldout280.txt",
        "heldout281.txt",
        "heldout282.txt",
        "heldout283.txt",
        "heldout284.txt",
        "heldout285.txt",
        "heldout286.txt",
        "heldout287.txt",
    ]
    .iter()
    .enumerate()
    .map(|(i, file)| (format!("former held-out set {} ({file})", i + 1), set(file)))
    .collect();
    // The next batch collected and marked blind goes here until a rule is written beside it.
    let held_out: Vec<(String, Score)> = [
        ("held-out set (heldout58.txt)", set("heldout58.txt")),
        ("held-out set (heldout60.txt)", set("heldout60.txt")),
        ("held-out set (heldout66.txt)", set("heldout66.txt")),
        ("held-out set (heldout67.txt)", set("heldout67.txt")),
        ("held-out set (heldout77.txt)", set("heldout77.txt")),
    ]
    .into_iter()
    .map(|(name, score)| (name.to_owned(), score))
    .collect();
    for (name, score) in sets.iter().chain(&formerly_held_out) {
        score.print(name);
    }
    for (name, score) in &held_out {
        score.print(name);
    }
    let (marked, found, flagged, right) = held_out.iter().fold((0, 0, 0, 0), |t, (_, s)| {
        (
            t.0 + s.marked,
            t.1 + s.found,
            t.2 + s.flagged,
            t.3 + s.right,
        )
    });
    if held_out.is_empty() {
        println!(
            "no held-out set now: every set has been tuned on (the README gives each one's first run)"
        );
    } else {
        println!(
            "held-out sets together: precision {:.0}% ({right}/{flagged}), recall {:.0}% ({found}/{marked})",
            right as f64 * 100.0 / flagged.max(1) as f64,
            found as f64 * 100.0 / marked.max(1) as f64
        );
    }
    print_by_kind(
        "by kind, the former held-out sets now",
        formerly_held_out.iter().map(|(_, s)| s),
    );
    print_by_kind(
        "by kind, the held-out sets",
        held_out.iter().map(|(_, s)| s),
    );
    print_by_rule(
        "right flags by rule, every set",
        sets.iter()
            .chain(&formerly_held_out)
            .chain(&held_out)
            .map(|(_, s)| s),
    );
    let (marked, found) = sets
        .iter()
        .fold((0, 0), |(m, f), (_, s)| (m + s.marked, f + s.found));
    let union = found as f64 / marked.max(1) as f64;
    println!(
        "all tuning sets: recall {:.0}% ({found}/{marked})",
        union * 100.0
    );
    for (name, score) in &sets {
        assert!(
            score.precision() >= 0.9,
            "{name}: precision {:.2}: {:#?}",
            score.precision(),
            score.false_alarms
        );
    }
    let first = &sets[0].1;
    assert!(
        first.recall() >= 0.8,
        "tuning set 1: recall {:.2}: {:#?}",
        first.recall(),
        first.misses
    );
    assert!(union >= 0.8, "all tuning sets: recall {union:.2}");
}

/// The tallies `of` each score, summed by their key.
fn summed<'a>(
    scores: impl Iterator<Item = &'a Score>,
    of: fn(&Score) -> &BTreeMap<String, (usize, usize)>,
) -> BTreeMap<&'a str, (usize, usize)> {
    let mut total: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for score in scores {
        for (key, (a, b)) in of(score) {
            let tally = total.entry(key.as_str()).or_default();
            tally.0 += a;
            tally.1 += b;
        }
    }
    total
}

/// Precision by rule over `scores`: right of flagged, for each rule that raised a flag.
fn print_by_rule<'a>(name: &str, scores: impl Iterator<Item = &'a Score>) {
    let total = summed(scores, |s| &s.by_rule);
    let line: Vec<String> = total
        .iter()
        .map(|(rule, (flagged, right))| format!("{rule} {right}/{flagged}"))
        .collect();
    println!("{name}: {}", line.join(", "));
}

/// Recall by the kind of fault over `scores`: found of marked, for each kind.
fn print_by_kind<'a>(name: &str, scores: impl Iterator<Item = &'a Score>) {
    let total = summed(scores, |s| &s.by_kind);
    if total.is_empty() {
        return;
    }
    let kinds: Vec<String> = total
        .iter()
        .map(|(kind, (marked, found))| format!("{kind} {found}/{marked}"))
        .collect();
    println!("{name}: {}", kinds.join(", "));
}

/// The review of `text` read as findings, one per non-empty line, in one category.
fn review_lines(text: &str) -> Vec<ReviewItem> {
    let mut draft = Draft::with_categories("", "检视存在的问题", &[] as &[&str]);
    let categories = draft.categories_mut().expect("a problems section");
    categories.push(Category {
        id: CategoryId(1),
        title: "在理论学习方面".into(),
        findings: text
            .lines()
            .filter(|line| !line.trim().is_empty())
            .enumerate()
            .map(|(i, line)| Finding {
                id: FindingId(i as u64 + 1),
                headline: String::new(),
                body: line.to_owned(),
            })
            .collect(),
        ..Category::default()
    });
    review::run(&draft, &Rules::builtin())
}

/// `flagged` on each of the 40-odd real pages of the import corpus, in file order, each flag
/// prefixed with its page's file name.
fn on_real_pages(flagged: impl Fn(&str) -> Vec<String>) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 40, "{} pages", paths.len());
    let mut all = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        for flag in flagged(&text) {
            all.push(format!("{name}: {flag}"));
        }
    }
    all
}

/// The guesses that read a sentence rather than match a listed word — the dropped character
/// (`明确严的标准`), the adverb `再` standing for the preposition `在` (`再政策宣传上`) and an
/// idiom one character off (`黔移默化`) — on real text: they find the seed's garbled phrase
/// and nothing on the 44 real pages of the import corpus, line by line.
#[test]
fn the_grammar_guesses_are_quiet_on_real_pages() {
    let dropped = |text: &str| -> Vec<String> {
        review_lines(text)
            .into_iter()
            .filter(|item| {
                ["/dropped_character", "/preposition_zai", "/idiom"]
                    .iter()
                    .any(|rule| item.rule.ends_with(rule))
            })
            .filter_map(|item| item.fix.map(|fix| format!("{} → {}", fix.from, fix.to)))
            .collect()
    };
    assert_eq!(
        dropped(&fixture("seed_material.txt")),
        ["明确严的 → 明确严格的"]
    );
    assert_eq!(on_real_pages(dropped), Vec::<String>::new());
}

/// Every wrong word, spun word (`wrong_word/spun`) or typo in context the word list flags on
/// the 44 real pages of the import corpus, line by line, each looked at by hand: all are real
/// faults. `07-zzzhenguo.txt` carries the text of a page of tuning set 2; `28-wnwk.txt` the text
/// of a page of `heldout10.txt`, re-spun by a synonym tool (`局部党员` for `部分党员`, `开展党员`
/// for `发展党员`), whose words are flagged where they occur. `26-jiexigoutong.txt` and
/// `41-dcrhg.txt` are pages run through a traditional-script converter (`照著檢查`, `秉持著`):
/// in a speech written in simplified characters the particle is `着`. `09-wm114.txt` holds the
/// page `heldout70.txt` marked `理想信仰动摇` on (理想信念).
#[test]
fn the_word_list_is_quiet_on_real_pages() {
    let flagged = |text: &str| -> Vec<String> {
        review_lines(text)
            .into_iter()
            .filter(|item| item.kind == ReviewKind::WrongWord)
            .filter_map(|item| {
                item.fix
                    .map(|fix| format!("{}: {} → {}", item.rule, fix.from, fix.to))
            })
            .collect()
    };
    assert_eq!(
        on_real_pages(flagged),
        [
            "07-zzzhenguo.txt: wrong_word/急燥: 急燥 → 急躁",
            "07-zzzhenguo.txt: wrong_word/报有: 报有 → 抱有",
            "07-zzzhenguo.txt: wrong_word/必需: 必需 → 必须",
            "08-alatiku.txt: wrong_word/自已: 自已 → 自己",
            "09-wm114.txt: wrong_word/理想信仰: 理想信仰 → 理想信念",
            "26-jiexigoutong.txt: wrong_word/著: 著 → 着",
            "28-wnwk.txt: wrong_word/spun: 开展 → 发展",
            "28-wnwk.txt: wrong_word/spun: 局部 → 部分",
            "28-wnwk.txt: wrong_word/混淆于: 混淆于 → 混同于",
            "28-wnwk.txt: wrong_word/spun: 开展 → 发展",
            "28-wnwk.txt: wrong_word/spun: 局部 → 部分",
            "28-wnwk.txt: wrong_word/spun: 开展 → 发展",
            "28-wnwk.txt: wrong_word/spun: 开展 → 发展",
            "28-wnwk.txt: wrong_word/spun: 开展 → 发展",
            "28-wnwk.txt: wrong_word/spun: 局部 → 部分",
            "41-dcrhg.txt: wrong_word/著: 著 → 着",
        ]
    );
}

/// Every particle (`的`/`地` for `得`, `的` for `地`: the listed verbs and the shapes of
/// `particle/complement` and `particle/adverbial_de`) and every circumstance blamed (the listed
/// ones and the shapes: `客观条件`, `工作忙`, `家庭原因`, `群众`) that the reviewer finds on the
/// 44 real pages of the import corpus, line by line, each looked at by hand: three real faults
/// and one flag on guidance rather than a finding (`26-jiexigoutong.txt` explains why members
/// check their own problems shallowly: `个人问题由于比较敏感，则容易查得浅`; in a finding that
/// would be the excuse it looks like, in an article about the meeting it is not one).
#[test]
fn particles_and_blamed_circumstances_on_real_pages() {
    let flagged = |text: &str| -> Vec<String> {
        review_lines(text)
            .into_iter()
            .filter(|item| {
                matches!(
                    item.kind,
                    ReviewKind::Particle | ReviewKind::BlamingCircumstances
                )
            })
            .map(|item| format!("{}: {}", item.rule, item.excerpt.unwrap_or_default()))
            .collect()
    };
    assert_eq!(
        on_real_pages(flagged),
        [
            // Both real faults, both marked in tuning set 2, whose page this one carries:
            // `及时的提高自己的思想政治觉悟` (地), and the father's illness given as the reason
            // for private business in working hours.
            "07-zzzhenguo.txt: particle/adverbial_de: 及时的",
            "07-zzzhenguo.txt: blaming_circumstances/家庭原因: 特别是父亲患病治疗 期间",
            "26-jiexigoutong.txt: blaming_circumstances/外部条件: 而個(gè)人問題由于比較敏感",
            // A page of `heldout10.txt`: `这种趋势表现的尤为明显` (得).
            "28-wnwk.txt: particle/complement: 表现的尤为明显",
        ]
    );
}
