# Generator for eval/dev8 corpus (fictional world of Sarnovy).
import os
A = {}
def art(fn, title, outlet, pub, body):
    A[fn] = (title, outlet, pub, body.strip() + "\n")

art("mining-brackwillow-copper-layoffs.md", "Brackwillow copper mine to cut jobs as prices slide", "Sarnovy Newswire", "2025-03-04", """
BRACKWILLOW, Sarnovy (Newswire) - Orrisdale Metals said on Monday it would lay off 420 workers at its open-pit copper mine outside Brackwillow, blaming a fall in world copper prices and rising diesel costs.

The company, which employs about 1,900 people at the site, said the cuts would take effect by the end of April. A spokeswoman, Bergit Feddick, told reporters the mine would keep running "at a slower, leaner pace" and that the smelter next door was not affected.

The Brackwillow Miners' Union put the number of jobs at risk higher, at "closer to six hundred once contractors are counted". The union's secretary, Aurick Marrent, said contract drivers and canteen staff had been told informally that their agreements would not be renewed.

Orrisdale did not disclose how much it expected to save from the cuts. It also declined to say whether the planned northern extension of the pit, approved by the regional council in 2023, would go ahead.

Output at the mine fell to 61,000 tonnes of copper concentrate last year, down from 74,000 tonnes in 2023, according to the company's annual report.

Copper accounts for roughly a fifth of Sarnovy's export earnings, the Ministry of Trade said.
""")

art("mining-brackwillow-copper-update.md", "Orrisdale raises Brackwillow job cuts, offers redundancy fund", "Pemberhowe Ledger", "2025-03-19", """
BRACKWILLOW - Orrisdale Metals has raised the number of job cuts at its Brackwillow copper mine to 515, the company said in a statement on Tuesday, up from the 420 it announced earlier this month.

The statement said the additional 95 posts were in maintenance and haulage. It gave no reason for the increase beyond "a review of operating needs".

Orrisdale also announced a redundancy fund of 38 million dunmarks, to be paid out over 18 months. Workers with more than ten years of service will receive a lump sum of at least 60,000 dunmarks each, the statement said.

The Brackwillow Miners' Union said it would ballot members on strike action. Secretary Aurick Marrent told the Ledger the fund was "a sticking plaster on a broken leg". A ballot date has not been set.

Regional governor Alesha Drascombe said she had asked the national government for emergency retraining money. The Ministry of Labour confirmed it had received the request but did not say how much, if anything, it would provide.
""")

art("tourism-lissomer-lakeside-hotels.md", "Lissomer hotels report record summer as lake visitors return", "Sarnovy Newswire", "2025-09-15", """
LISSOMER, Sarnovy (Newswire) - Hotels around Lake Lissomer filled 87 percent of their rooms in July and August, the highest summer occupancy on record, the Lissomer Hoteliers' Association said on Friday.

The figure compares with 71 percent in the same two months of 2024, when a blue-green algae bloom closed the lake to swimmers for three weeks.

Association chair Ulfert Thrane said foreign arrivals, mostly from neighbouring Quellaine, made up about 40 percent of guests. "The lake is clean, the ferries are running, and people noticed," he said.

Average room rates rose to 214 dunmarks a night from 189 a year earlier, the association said.

Not everyone is cheering. The Lissomer town council said on Thursday it would introduce a tourist levy of 4 dunmarks per guest per night from next April, to pay for water treatment and extra refuse collection. The council did not say how much the levy was expected to raise.

The largest hotel on the lake, the 310-room Grand Ilfracove, was sold in June to an investment group from the Haldrup Isles. The price was not disclosed.

Short-term rental platforms were excluded from the association's survey.
""")

art("tourism-lissomer-levy-snippets.md", "Lissomer tourist levy: what the papers say", "Newsdesk Clippings", "2025-09-22", """
Pemberhowe Ledger, 19 September: Lissomer's new tourist levy will be charged at 4 dunmarks per guest per night from April, the town council confirmed. Children under 12 will be exempt.

Corrowick Evening Lantern, 19 September: The lakeside town of Lissomer is to charge visitors a nightly levy of 4 dunmarks, council officials said, becoming the first resort in Sarnovy to do so.

Radio Veskaby, 20 September: Lissomer will charge tourists 3 dunmarks a night from next spring, the station reported, citing a council document.

Quellaine Daily Monitor, 21 September: Visitors from Quellaine to Lake Lissomer will pay a levy of 4 dunmarks a night from April. Hoteliers there warned the charge could deter day-trippers who stay one night, the paper said.

Harbour Gazette, 21 September: Lissomer council leader Vivenne Saskeld said the levy would be reviewed after one year. She declined to say whether the rate could rise.
""")

art("insurance-obrenna-storm-claims.md", "Storm Belisande claims top 900 million dunmarks, insurers say", "Sarnovy Newswire", "2025-10-06", """
OBRENNA, Sarnovy (Newswire) - Insured losses from Storm Belisande, which struck the Obrenna coast last weekend, will reach at least 900 million dunmarks, the Sarnovy Insurers' Federation estimated on Monday.

The federation said it had received 14,200 claims by Sunday evening, most of them for roof damage and flooded ground floors. About 2,300 claims came from businesses.

The Ministry of the Interior gave a different picture of the damage. A statement from the ministry put the total cost, insured and uninsured, at "no more than 600 million dunmarks", and said the federation's estimate "includes speculative business interruption claims".

Federation director-general Egbern Pessoa rejected that. "Our figure is built from claims already lodged, not guesses," he told reporters in Pemberhowe.

Winds of up to 148 kilometres per hour were recorded at Obrenna lighthouse on Saturday, the national weather office said. Two people died: a fisherman whose boat capsized off Rhosgarth, and a motorist struck by a falling tree. The motorist's name was not released.

The government has not yet said whether it will declare Obrenna a disaster zone, which would unlock federal reconstruction grants.
""")

art("insurance-obrenna-storm-feature.md", "After Belisande: the long wait for the Obrenna payouts", "The Harbour Gazette", "2025-10-20", """
OBRENNA - Two weeks after Storm Belisande tore the roofs off half a street in the old harbour quarter, Mirrin Albescu is still sleeping at her sister's flat. The tarpaulin over her kitchen has blown loose twice. Her insurer, she says, has sent three letters and no money.

"They asked me for receipts for a fridge I bought in 2011," said Ms Albescu, 67, a retired school cook. "Who keeps receipts from 2011?"

Her story is common in Obrenna, a town of about 38,000 people that took the brunt of the storm on the first Saturday of October. The Sarnovy Insurers' Federation now says it has received 19,650 claims, up from the 14,200 it counted in the first days, and it has raised its estimate of insured losses to 1.1 billion dunmarks. The federation said the increase reflected late claims from inland farms, where flooding took longer to assess.

Only a fraction has been paid. The federation said on Thursday that insurers had settled 3,900 claims so far, worth a combined 112 million dunmarks. Egbern Pessoa, the federation's director-general, said most large claims would be settled "before Christmas", but he would not commit to a date for the rest.

The slow pace has become political. Obrenna's mayor, Dace Ilvanen, has accused insurers of "hiding behind paperwork" and has called on the national government to set a legal deadline for payouts. The Ministry of the Interior, which two weeks ago disputed the federation's loss estimate, has said little since. A ministry spokesman said only that officials were "monitoring the situation closely".

On Wednesday the government finally declared Obrenna and the neighbouring district of Rhosgarth a disaster zone, opening access to reconstruction grants. The grants are capped at 25,000 dunmarks per household, according to the decree published in the official gazette. The decree did not say how large the overall fund would be, and the finance ministry declined to give a figure.

The storm itself was not unusual by the standards of this coast, meteorologists say. What made it costly was timing. It arrived at high tide, with a surge that pushed seawater a kilometre up the Obrenna river. The national weather office recorded gusts of 148 kilometres per hour at the lighthouse, and the harbour master measured the surge at 1.9 metres above the normal spring-tide mark.

Loss adjusters are thin on the ground. The federation said 140 adjusters were working in the area, including 35 brought in from Quellaine under a cross-border agreement. Several homeowners told the Gazette they had waited more than ten days for a first visit.

"The adjusters are working twelve-hour days," said one adjuster from a large Pemberhowe firm, who asked not to be named because she was not authorised to speak to the press. "There are simply too many houses and too few of us. The paperwork requests come from head office, not from us."

Small businesses face a separate problem. Many policies on the harbour front exclude flooding from the sea, covering only rain and burst pipes. The Obrenna Chamber of Commerce estimates that about one in three shops along the quay had no cover for the surge at all. Its president, Lenart Brummel, said some would not reopen. He did not say how many.

At the Sailmaker's Rest, a café that has served the harbour for four decades, owner Gaspard Brannick has reopened with a borrowed espresso machine and plywood where the front window used to be. His insurer has accepted the claim for the window but not for the lost stock. "They say the stock was damaged by sea water, and sea water is not rain," he said. "I told them the sea came in because of the rain and the wind. They said that is a matter for the lawyers."

The insurers say they are not the villains of the piece. In a briefing for journalists, the federation pointed out that premiums on the Obrenna coast had been held down for years by political pressure, and that several of its members had warned the town in 2022 that its sea wall was inadequate. A report commissioned by the town after those warnings recommended raising the wall by 80 centimetres. The work was never carried out. The town council has not explained why, and Mayor Ilvanen did not answer the Gazette's question on the matter.

Climate scientists at Ardquinney University have warned that storms of Belisande's strength could hit the coast every four or five years by the 2040s, rather than once a decade. If they are right, the argument over who pays will not go away.

For now, the most immediate worry is the weather. Another low-pressure system is forecast to reach the coast at the weekend, and many roofs are still covered only by plastic sheeting. The town has set up a free repair depot in the old fish market, staffed by volunteers, where residents can collect timber, tarpaulins and screws.

Ms Albescu has been twice. "I have the timber," she said. "What I don't have is a roofer. They're all booked until February."

The federation said it would publish updated claim figures every Thursday until the end of the year. Mayor Ilvanen has promised a public meeting on the sea wall next month. No date has been set.

Some residents have turned to the courts. A group of 60 homeowners from the harbour quarter has hired a Pemberhowe law firm to challenge the exclusion of sea flooding from their policies, arguing that the surge was caused by the storm and should be covered as storm damage. The firm said it expected to file the case before the end of November. The federation said it had not yet seen the claim and would not comment on it.

The town's schools reopened on Monday after a week of closures, though the primary school on Harbour Row is still teaching its pupils in the sports hall of the secondary school, because water ruined its ground-floor classrooms. The head teacher said repairs would take until at least March.

Back on her street, the neighbours have started a list of who has been paid and who has not. So far, of the 23 households on the list, four have received money. Everyone else is still waiting.
""")

art("election-sarnovy-general-results.md", "Unity Party first but short of majority in Sarnovy election", "Sarnovy Newswire", "2025-05-06", """
PEMBERHOWE, Sarnovy (Newswire) - The centre-right Unity Party won the most seats in Sunday's general election but fell short of a majority, final results published by the Electoral Commission on Tuesday showed.

Unity took 61 of the 151 seats in the National Assembly, down from 68 in the last parliament. The centre-left Labour Alliance won 47, the Greens 19, the nationalist Sarnovy First 15, and the agrarian Countryside Party 9.

Turnout was 68.4 percent, the commission said, up from 63.1 percent four years ago.

Prime Minister Ostvald Kerrigan, who leads Unity, told supporters in Pemberhowe that he would "talk to everyone who believes in a stable Sarnovy". He did not rule out a deal with Sarnovy First, whose leader, Gerd Pellowby, has campaigned for leaving the regional customs union with Quellaine.

Labour Alliance leader Ulrikke Saarinova said her party was ready to form a government with the Greens, though the two parties together hold only 66 seats, ten short of the 76 needed for a majority.

The commission said 212 ballot boxes in the Feddinghal district would be recounted after a complaint from the Countryside Party. It did not say when the recount would finish.
""")

art("election-sarnovy-coalition-talks.md", "Kerrigan and Countryside Party open coalition talks", "Pemberhowe Ledger", "2025-05-08", """
PEMBERHOWE - Prime Minister Ostvald Kerrigan's Unity Party opened formal coalition talks on Thursday with the Countryside Party and the Greens, a spokesman for the prime minister said, ruling out for now a deal with the nationalist Sarnovy First.

A three-party coalition of Unity, the Greens and the Countryside Party would command 89 of the 151 seats.

Negotiators met for five hours at the Kastell guest house outside Pemberhowe. The spokesman declined to say which ministries had been discussed. Greens co-leader Rozalind Duvessa said her party would insist on a ban on new coal permits, and would walk out of talks "the moment that is off the table".

Countryside Party leader Lutz Mollenkamp told the Ledger his price was a rural broadband guarantee and a freeze on fuel duty. He refused to say whether he had asked for the agriculture ministry.

According to two people familiar with the talks, Unity has offered the Greens three cabinet posts. The prime minister's office would not confirm the figure.

The recount in Feddinghal left the seat totals unchanged, the Electoral Commission said on Wednesday.

Kerrigan said he hoped to present a government to parliament "before the summer recess", which begins on July 18.
""")

art("policing-corrowick-pension-march.md", "Thousands march in Corrowick against pension age rise", "Corrowick Evening Lantern", "2025-04-12", """
CORROWICK - Protesters marched through central Corrowick on Saturday against government plans to raise the state pension age from 65 to 67, in the largest demonstration the city has seen in a decade.

Organisers from the Federation of Sarnovy Trade Unions said at least 3,400 people took part. Corrowick police said the crowd was "fewer than two thousand marchers" at its peak.

The march set off from Noxholt Square shortly after 11 a.m. and ended outside the regional parliament, where union leader Katrin Obolenska told the crowd that "a lifetime of work should not end in a queue at the job centre."

Police said six people were arrested, mostly for throwing bottles near the end of the route. A police spokesman said two officers suffered minor injuries. He did not give the ages of those arrested.

A group of about forty masked protesters broke away from the main march and smashed the windows of a bank on Quintard Street, witnesses said. Police used pepper spray to disperse them.

The union federation said it would hold a second march in Pemberhowe next month. The Ministry of Social Affairs said the pension reform was "necessary and overdue" and that the bill would go ahead.
""")

art("policing-corrowick-march-aftermath-brief.md", "Corrowick march: four charged, police review pepper spray use", "Sarnovy Newswire", "2025-04-14", """
CORROWICK, Sarnovy (Newswire) - Four of the six people arrested during Saturday's pension march in Corrowick have been charged with public disorder, prosecutors said on Monday. The other two were released without charge.

Corrowick police chief Ruaidh Menzel said the force had opened an internal review into the use of pepper spray on Quintard Street after a video of a teenager being sprayed was shared widely online. He declined to say how many officers were under review. The review is expected to report within six weeks.
""")

art("heat-veskaby-heatwave-deaths.md", "Veskaby heatwave: hospitals stretched as temperatures hit 43C", "Sarnovy Newswire", "2025-07-09", """
VESKABY, Sarnovy (Newswire) - Temperatures in the southern city of Veskaby reached 43.2 degrees Celsius on Tuesday, the highest ever recorded in Sarnovy, the national weather office said.

The regional health authority said 11 people had died from heat-related causes since the heatwave began on June 30, most of them over 75. Hospital emergency departments treated 640 people for heatstroke and dehydration in the same period.

Health Minister Helke Tornquist said the government was opening 30 "cool rooms" in public libraries and schools across the region. "Check on your neighbours, especially if they live alone," she said.

Veskaby's city council ordered outdoor construction work to stop between noon and 5 p.m. The council did not say how long the order would last.

The weather office said the heat would continue until at least Sunday. It has issued its highest, red-level warning for the Veskaby region for the first time since the warning system was introduced in 2019.

Farmers' groups said the heat was damaging the grape harvest, but did not give an estimate of losses.
""")

art("heat-veskaby-heatwave-toll-update.md", "Veskaby heat deaths revised to 27 as heatwave breaks", "Pemberhowe Ledger", "2025-07-16", """
VESKABY - The regional health authority has raised the death toll from the Veskaby heatwave to 27, up from 11 a week ago, after reviewing hospital and coroner records, it said on Tuesday.

The authority said 19 of the dead were over 75 and that 9 had been found alone at home. It did not release the names of the dead.

The heatwave ended on Sunday when a band of thunderstorms brought temperatures down to 29 degrees. In total, emergency departments treated 1,180 people for heat-related illness, the authority said.

Opposition health spokesman Tadeusz Pellisier said the cool rooms opened by the government had arrived "a week too late" and that many had stood nearly empty because older people did not know about them. The health ministry said the 30 cool rooms had received about 5,200 visits. It did not break the figure down by room.

The national weather office confirmed that the 43.2 degrees recorded in Veskaby on July 8 was a national record. The previous record, 41.7 degrees, was set in Loughcarry in 2019.
""")

art("shipping-penmarrow-port-strike.md", "Penmarrow dockers strike over automation, ships queue offshore", "Sarnovy Newswire", "2025-08-05", """
PENMARROW, Sarnovy (Newswire) - Dock workers at Penmarrow, Sarnovy's largest container port, walked out on Monday in a dispute over plans to introduce automated cranes, leaving ships queuing offshore.

The Penmarrow Dockworkers' Guild said about 1,250 of its members had joined the 72-hour strike. The port authority said 23 vessels were waiting at anchor by Monday evening.

The port operator, Calloway-Ebberlin Terminals, wants to install eight remote-controlled cranes at the eastern terminal by 2027. The guild says the plan would cost up to 300 jobs. The operator has said "no more than 90 roles" would change and that nobody would be laid off.

Guild president Wiebke Kranenvelt said the strike could be extended if the operator did not guarantee jobs in writing. The operator's chief executive was not available for comment.

Penmarrow handled 1.8 million containers last year, according to the port authority. About half of Sarnovy's imports pass through it.

The Chamber of Commerce warned that supermarkets could face shortages of fresh fruit within a week. It did not name any supermarket chains.
""")

art("shipping-penmarrow-strike-snippets.md", "Penmarrow strike ends: what the papers say", "Newsdesk Clippings", "2025-08-07", """
Sarnovy Newswire, 7 August: The 72-hour strike at Penmarrow port ended on Thursday morning after Calloway-Ebberlin Terminals agreed to a two-year job guarantee for all permanent dock staff, the dockworkers' guild said.

Pemberhowe Ledger, 7 August: Dockers at Penmarrow returned to work on Thursday. At the strike's peak, 31 ships were waiting to berth, the port authority said.

Harbour Gazette, 7 August: The Penmarrow strike ended with 23 ships still at anchor, the Gazette reported, though that figure was from Monday and had since risen.

Corrowick Evening Lantern, 7 August: The operator at Penmarrow said the automation plan would go ahead on schedule. A spokeswoman declined to say whether the number of automated cranes would be reduced.

Quellaine Daily Monitor, 8 August: Ships diverted from Penmarrow to the Quellaine port of Skellvik during the strike numbered nine, the Monitor said, citing harbour officials there.
""")

art("univ-ardquinney-research-funding.md", "Ardquinney University loses 40m in research grants as fund is cut", "Pemberhowe Ledger", "2025-02-11", """
ARDQUINNEY - Ardquinney University, Sarnovy's oldest, will lose about 40 million dunmarks in research funding over the next three years after the government cut the National Science Fund, the university's rector said on Monday.

Rector Hedmara Amundra said 14 research groups would have to close or merge, and that the university would freeze hiring of postdoctoral researchers. She did not say which groups were affected.

The Ministry of Education and Research announced in January that the fund's budget would fall from 1.2 billion dunmarks to 950 million dunmarks a year. Ministry officials said the money would be redirected to vocational training.

The Sarnovy Academy of Sciences called the cut "a historic mistake". Its president, Emmerich Esterhuys, said young scientists were already leaving for Quellaine, where research salaries are about 30 percent higher.

The university's coastal climate institute, which tracks storm surges on the Obrenna coast, will be spared, Amundra said. She gave no reason.

Students plan a rally on the campus on Thursday.
""")

art("univ-ardquinney-rally-brief.md", "Ardquinney students rally against science cuts", "Sarnovy Newswire", "2025-02-13", """
ARDQUINNEY, Sarnovy (Newswire) - Around 2,000 students and staff rallied at Ardquinney University on Thursday against cuts to the National Science Fund, the student union said. University security estimated the crowd at 800. Education Minister Marjeta Sandevoort said in a statement that the cuts were "final" but that a review of grant rules would begin in the autumn. The ministry did not say who would lead the review.
""")

art("telecom-harlowfen-network-outage.md", "Nationwide mobile outage hits Vellacom customers", "Sarnovy Newswire", "2025-11-03", """
HARLOWFEN, Sarnovy (Newswire) - Millions of mobile phone users across Sarnovy lost service for most of Sunday after a failure at Vellacom's main network centre in Harlowfen, the company said.

Vellacom, the country's largest operator, said about 3.1 million customers were affected. Calls to emergency numbers also failed in some regions for up to six hours, the national emergency service said.

The outage began at about 4:40 a.m. and service was fully restored by 9:15 p.m., according to the company.

Vellacom chief executive Gunnvor Brodde apologised and said customers would receive a credit of 10 dunmarks on their next bill. She ruled out a cyberattack but did not say what had caused the failure.

The telecoms regulator, Sartel, said it had opened an investigation. The regulator can fine operators up to 4 percent of annual turnover.

Card payment terminals in shops and petrol stations also went down, the Retailers' Association said.
""")

art("telecom-harlowfen-outage-cause.md", "Vellacom blames botched software update for Sunday outage", "Pemberhowe Ledger", "2025-11-05", """
HARLOWFEN - A faulty software update to core routers at Vellacom's Harlowfen network centre caused Sunday's nationwide outage, the company said on Tuesday.

In a report sent to the regulator, Vellacom said the update had been tested on a smaller system but not on the live network. It said 3.4 million customers had been affected, revising its earlier estimate of 3.1 million.

The company named the supplier of the routers as Kettering-Voss, a firm based in the Haldrup Isles. Kettering-Voss did not respond to requests for comment.

Sartel chair Jonas Mireault told parliament's transport committee that the emergency-call failure was "unacceptable" and that 1,470 emergency calls had failed to connect during the outage. He declined to say whether any deaths were linked to the failed calls, citing the ongoing investigation.

Vellacom said it would raise the customer credit to 25 dunmarks. It did not say what the credits would cost the company.
""")

art("cycling-tour-of-sarnovy-stage-nine.md", "Tour of Sarnovy: Vantreight takes yellow on Loughcarry climb", "Sarnovy Newswire", "2025-06-22", """
LOUGHCARRY, Sarnovy (Newswire) - Quellaine's Griet Vantreight won the ninth stage of the Tour of Sarnovy on Saturday, attacking on the final climb to Loughcarry to take the leader's yellow jersey.

Vantreight, 24, riding for the Haldrup Blue team, finished 38 seconds ahead of Sarnovy's Silvan Brekvold, who had led the race for five days. She now leads the overall standings by 22 seconds.

The 184-kilometre stage started in Feddinghal in rain. A crash 30 kilometres from the finish brought down about a dozen riders. Race doctors said Dutch-born rider Demyan Oostrum had broken a collarbone and left the race.

"I felt strong on the climb, so I went," Vantreight said. "Tomorrow is a rest day, and I need it."

The race jury fined Brekvold's team, Pemberhowe Wheelers, 500 dunmarks for illegal feeding in the last 20 kilometres. The jury did not say which rider had received the food.

The Tour ends in Pemberhowe on June 29 after 16 stages.
""")

art("cycling-tour-of-sarnovy-final-feature.md", "How Brekvold won back the Tour of Sarnovy", "The Harbour Gazette", "2025-06-30", """
PEMBERHOWE - On the cobbles of Kastell Hill on Sunday, Silvan Brekvold finally allowed himself to smile. Eight days after losing the yellow jersey on the slopes of Loughcarry, the 29-year-old from Corrowick rolled across the finish line in Pemberhowe as the winner of the Tour of Sarnovy, the first home rider to take the race in eleven years.

His final margin over Quellaine's Griet Vantreight was 14 seconds, the narrowest in the race's history. Third place went to Jorrit Offerdal of the Haldrup Blue team, at 1 minute 52 seconds.

The race turned on stage 14, a 41-kilometre time trial around the shore of Lake Lissomer. Vantreight started the day 22 seconds ahead. Brekvold, who has spent two winters working with an aerodynamics group at Ardquinney University, beat her by 36 seconds. "I knew the course, I knew the wind, and I knew I had nothing to lose," he said afterwards.

It was a remarkable turnaround for a rider whose team had spent much of the previous week defending itself. The race jury had fined Pemberhowe Wheelers after the Loughcarry stage for feeding riders illegally in the closing kilometres, and Brekvold was booed by some spectators in Feddinghal the next morning. The team never named the rider who took the food. Brekvold said only that "the jury made its decision and we accepted it."

Vantreight, for her part, refused to blame anyone but herself. "He was better in the time trial. That is the whole story," she told reporters at the finish. Her team director was less generous, complaining that motorbikes carrying television cameras had given Brekvold a slipstream in the final kilometres of the time trial. The race organisers rejected the complaint and said the motorbikes had kept the regulation distance.

The Tour of Sarnovy has had a difficult decade. It lost its main sponsor in 2019, was cancelled in 2020, and shrank to nine stages in 2021. This year's 16-stage edition was the longest since 2018, and organisers said roadside crowds were the largest they had seen. Race director Ottilde Kvarme estimated that 1.2 million people had watched from the roadside over the two and a half weeks. The figure could not be independently verified, and police in the host towns did not publish counts of their own.

Television figures were more modest. The public broadcaster said an average of 640,000 viewers had watched the live coverage each day, with a peak of 1.1 million for the time trial. Kvarme said the race had signed a new title sponsor for the next three years, but she declined to name the company or say how much it would pay. An announcement is expected in the autumn.

The riders' union used the final day to raise safety concerns. Thirty-one riders failed to finish this year's race, 17 of them because of crashes, the union said. The worst came on the stage to Loughcarry, when wet roads and a narrow descent brought down about a dozen riders and forced out Demyan Oostrum with a broken collarbone. The union called for barriers on all descents and a rule allowing the jury to neutralise stages in heavy rain. Kvarme said the proposals would be discussed with the national federation, but she would not commit to them.

Money remains a sore point. The winner's prize this year was 40,000 dunmarks, less than half of what the winner of the Tour of Quellaine receives. Several team managers said privately that they would struggle to bring strong squads next year without better prize money and travel support. One manager of a Haldrup team, who did not want to be named, said his team had spent more on hotels during the race than it had won in prize money.

For the crowd on Kastell Hill, none of that mattered on Sunday. They chanted Brekvold's name as he climbed the podium, his young daughter on his shoulders. He dedicated the win to his former coach, Casimer Vinnick, who died in the spring. "He told me once that the Tour of Sarnovy is won by the rider who refuses to be tired," Brekvold said. "I was very tired. But I refused."

The race also produced a new young star. Ostwin Delorne, 20, of the Feddinghal Cycling Club, finished seventh overall and won the white jersey for the best young rider. He is the first amateur in the race's modern history to finish in the top ten. Two professional teams have already approached him, his club said, though it did not say which.

Brekvold said he would now rest for two weeks before deciding whether to ride the Tour of Quellaine in August. Vantreight said she would be there. "I will see him there," she said, smiling. "And this time I will practise the time trial."

The organisers said next year's route would be announced in November. It is expected to return to the Obrenna coast for the first time since 2017, if the town has recovered from the storms of recent winters. Kvarme said the decision would depend on road repairs.

As the podium emptied and the barriers came down, a few fans lingered by the finish line, photographing the painted word "Brekvold" on the tarmac. One of them, a retired postman from Corrowick, said he had watched every Tour of Sarnovy since 1979. "This is the best one," he said. "Because it was close, and because we won."

The numbers behind the win were small but telling. Brekvold did not win a single road stage. He finished in the top five on six of them, lost time only once, on the Loughcarry climb, and gained almost all of his winning margin in the one time trial. His team-mates, who had been criticised earlier in the race for riding too defensively, kept him out of the wind on the flat stages along the coast. "People say we were boring," said his team director. "Boring wins races."

Brekvold's Pemberhowe Wheelers team said it would hold a homecoming ride through Corrowick next Saturday. The team said it expected several thousand people to attend but did not give a figure.
""")

art("telecom-harlowfen-outage-snippets.md", "Vellacom outage: what the papers say", "Newsdesk Clippings", "2025-11-06", """
Corrowick Evening Lantern, 4 November: Sunday's Vellacom outage affected 3.1 million customers, the operator said, and lasted more than sixteen hours.

Pemberhowe Ledger, 5 November: Vellacom now says 3.4 million customers lost service on Sunday, after a review of network logs.

Radio Veskaby, 5 November: The Vellacom blackout left 3.4 million people without mobile service, the company told the regulator. Customers will receive a 25-dunmark credit.

Harbour Gazette, 6 November: Vellacom's shares fell 7 percent on the Pemberhowe stock exchange on Wednesday after the company disclosed the cause of the outage. Analysts said the fine from Sartel could exceed 60 million dunmarks, though the regulator has not said when it will rule.
""")

if __name__ == "__main__":
    d = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
    os.makedirs(d, exist_ok=True)
    for fn, (t, o, p, b) in A.items():
        with open(os.path.join(d, fn), "w") as f:
            f.write(f'---\ntitle: "{t}"\noutlet: {o}\npublished: {p}\nfictional: true\n---\n\n{b}')
    print(len(A))
