"""What the extractor makes of one sentence or paragraph: categories, never-figures,
dates, attribution. Table-driven; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from extract import Source, extract_figures


def _figs(text: str, published: str = "2024-06-17") -> list[tuple[str, float | None]]:
    return [
        (f.category, f.value if f.value is not None else f.low)
        for f in extract_figures(text, Source(article="t.txt", published=published))
    ]


CATEGORIES = [
    # coordination and distance
    (
        "The assault has left more than 250 soldiers, 233 militants and more than 60 "
        "civilians dead.",
        [("killed", 250), ("killed", 233), ("killed", 60)],
    ),
    (
        "Six people were reportedly killed, and 17 others were wounded in the clashes.",
        [("killed", 6), ("injured", 17)],
    ),
    (
        "The evacuations ended after 32 buses took 1,600 people out of the district.",
        [("buses", 32), ("evacuees", 1600)],
    ),
    (
        "Shelling of the market killed at least 23 people and wounded 58 others.",
        [("killed", 23), ("injured", 58)],
    ),
    (
        "Five people were killed and 40 others injured in the tremor.",
        [("killed", 5), ("injured", 40)],
    ),
    (
        "Floods killed more than 1,700 people and displaced about 8 million.",
        [("killed", 1700), ("displaced", 8_000_000)],
    ),
    # populations
    (
        "The camp was once home to some 160,000 refugees, but just a few hundred remain.",
        [("population", 160000), ("population", 200)],
    ),
    (
        "There are some 3,500 children among the 18,000 civilians living in the camp.",
        [("population", 3500), ("population", 18000)],
    ),
    ("Thousands are trapped inside the besieged city.", [("population", 2000)]),
    ("The district of about 25,000 people was evacuated.", [("population", 25000)]),
    # evacuees, displaced, buses
    (
        "Authorities evacuated 31,500 residents living along the slopes of the volcano.",
        [("evacuees", 31500)],
    ),
    ("Helicopters airlifted 57 stranded trekkers from the valley.", [("evacuees", 57)]),
    ("An estimated 7,800 refugees have crossed the border since Monday.", [("displaced", 7800)]),
    ("Drought has displaced over 1.2 million people this year.", [("displaced", 1_200_000)]),
    (
        "More than 96,000 people displaced, of whom 41,500 are staying in schools.",
        [("displaced", 96000), ("displaced", 41500)],
    ),
    ("The camp hosts an estimated 170,000 internally displaced people.", [("displaced", 170000)]),
    ("Six trucks of food were allowed in.", []),
    ("Up to 40 buses will be allowed to leave with evacuees.", [("buses", 40)]),
    # casualties in other shapes
    ("The death toll from the floods rose to 327 on Tuesday.", [("killed", 327)]),
    ("Among the dead are 126 children.", [("killed", 126)]),
    ("Seven children were among those killed.", [("killed", 7)]),
    ("She treated 46 wounded people, 11 of them children.", [("injured", 46), ("injured", 11)]),
    (
        "A shell hit a house, killing three civilians and wounding a dozen, it added.",
        [("killed", 3), ("injured", 12)],
    ),
    (
        "At least 17 people, including nine children, were killed and over 70 others injured.",
        [("killed", 17), ("killed", 9), ("injured", 70)],
    ),
    ("Cholera death toll rises to 21 as residents demand answers", [("killed", 21)]),
    ("The toll could be between 18,000 and 20,000.", [("killed", 18000)]),
    ("The front has reached a 60,000-strong city.", [("population", 60000)]),
    ("In all, 5,84,888 people were evacuated to cyclone shelters.", [("evacuees", 584888)]),
    (
        "At least 12 civilians were killed, among them three children, and 9 others were wounded.",
        [("killed", 12), ("killed", 3), ("injured", 9)],
    ),
    (
        "Officials organized transport with 14 buses, which carried approximately 1,750 people.",
        [("buses", 14), ("evacuees", 1750)],
    ),
    ("Between 150 and 200 people still arrive every week.", [("displaced", 150)]),
    (
        "About 2,500 people, most of them Syrian nationals, crossed into Syria overnight.",
        [("displaced", 2500)],
    ),
    ("Exactly 65,036 forcibly displaced persons had entered Armenia.", [("displaced", 65036)]),
    (
        "Sixteen people were wounded, among them two gang members.",
        [("injured", 16), ("injured", 2)],
    ),
    ("They took the city, a lakeside hub of some 2 million people.", [("population", 2_000_000)]),
    (
        "The ministry reported 2,012 dead and 2,059 injured, 1,404 of them critically.",
        [("killed", 2012), ("injured", 2059), ("injured", 1404)],
    ),
    ("The area had a population of 276,312 according to the census.", [("population", 276312)]),
    ("More than 2 million people remain internally displaced.", [("displaced", 2_000_000)]),
    ("Thirteen buses shuttled residents to the station.", [("buses", 13)]),
    ("From there, an evacuation train took 211 residents to Mykolaiv.", [("evacuees", 211)]),
    (
        "Around 1,000 people, mostly women and children, were still sheltering in the compound.",
        [("population", 1000)],
    ),
    ("The number of people killed by Typhoon Odette (Rai) has risen to 208.", [("killed", 208)]),
    (
        'Officials said "another 30,000 to 40,000 people" were still in its path.',
        [("population", 30000)],
    ),
    (
        "About 1.9 million people, nine out of ten of the population, have been displaced.",
        [("displaced", 1_900_000)],
    ),
    (
        "The state had been hosting about 500,000 people who had fled the capital.",
        [("displaced", 500_000)],
    ),
    ("The town's population before the floods was put at about 110,000.", [("population", 110000)]),
    ("The siege has left around 400,000 people cut off from aid.", [("population", 400_000)]),
    ("Refugees, among some 1,500 who crossed on 13 June, queue for water.", [("displaced", 1500)]),
    ("Nearly 5,000 people have taken shelter with relatives.", [("displaced", 5000)]),
    ("Floods: 10 lakh marooned in Feni", [("population", 1_000_000)]),
    ("On Monday, 101 civilians were brought out of the plant.", [("evacuees", 101)]),
    (
        "As of Wednesday, 113 people had been killed in Gansu and another 22 people in Qinghai.",
        [("killed", 113), ("killed", 22)],
    ),
    (
        "Some 3,000 people from villages around Ber, Goundam and Lere have arrived in Timbuktu.",
        [("displaced", 3000)],
    ),
    ("Some 1,580 people left the town aboard 24 buses.", [("evacuees", 1580), ("buses", 24)]),
    (
        "About 16,000 had been moved by land and up to 3,000 by sea.",
        [("evacuees", 16000), ("evacuees", 3000)],
    ),
    (
        "In Wajima, 59 people were confirmed dead, and in Suzu 23 people, officials said.",
        [("killed", 59), ("killed", 23)],
    ),
    (
        "Some 1,130 people crossed the border and were taken to the camp in 19 buses.",
        [("displaced", 1130), ("buses", 19)],
    ),
    ("At least 80 inmates were injured in the riot.", [("injured", 80)]),
    (
        "The ministry said 144 people had been wounded, up from 46 dead and 140 wounded.",
        [("injured", 144), ("killed", 46), ("injured", 140)],
    ),
    ("Twelve soldiers were killed and 137 troops fled across the border.", [("killed", 12)]),
    ("Emergency services rescued about 200 people by helicopter.", [("evacuees", 200)]),
    ("Red Cross teams have given first aid to 63 people.", [("injured", 63)]),
    (
        "Nearly 6,800 people had left the territory, officials said -- roughly 15 per cent of "
        "its population of about 46,000.",
        [("evacuees", 6800), ("population", 46000)],
    ),
    ("Clashes killed at least 32 civilians, nine children among them.", [("killed", 32)]),
    (
        "The governor said more than 3,000 people were still waiting to be rescued.",
        [("population", 3000)],
    ),
    ("Its teams rescued more than 1,000 people from the two villages.", [("evacuees", 1000)]),
    (
        "Hama and Tartus recorded 75 and seventeen deaths respectively.",
        [("killed", 75), ("killed", 17)],
    ),
    ("The number of people left homeless stood at up to 40,000.", [("displaced", 40000)]),
    (
        "The toll rises to 39 as stranded tourists are flown out of Acapulco.",
        [("killed", 39)],
    ),
    ("Thousands of stranded tourists waited at the airport.", [("population", 2000)]),
    (
        "Jordan, which hosts some 640,000 Syrian refugees, has closed the border.",
        [("displaced", 640000)],
    ),
    (
        "Lebanon, a country of 6 million people, is hosting 1.5 million refugees.",
        [("population", 6000000), ("displaced", 1500000)],
    ),
    (
        "Mbera, which was set up in 2012, now hosts close to 110,000 refugees.",
        [("population", 110000)],
    ),
    (
        "Al-Jufainah, the largest site in the country, which hosts 58,000 people.",
        [("population", 58000)],
    ),
    ("The ministry sent 35 buses to transport the families from the camps.", [("buses", 35)]),
    (
        "Lebanon, which the government says hosts around 1.5 million Syrian refugees, has "
        "long pushed for their return.",
        [("displaced", 1500000)],
    ),
    ("The camp, which officials say hosts 40,000 people, was flooded.", [("population", 40000)]),
    ("About 2.3 million people have left their homes since 2015.", [("displaced", 2300000)]),
    ("Hatiya, an island upazila of about 5.2 lakh people, was flooded.", [("population", 520000)]),
    # a year after "in" is no count, even before a word that could head one
    ("The battle in 2017 displaced some 350,000 people.", [("displaced", 350000)]),
    # moved to safety, to higher ground, by a verb of moving
    ("Singh said 35,655 people had been shifted to safer places.", [("evacuees", 35655)]),
    (
        "The city government moved more than 7,000 residents to higher ground.",
        [("evacuees", 7000)],
    ),
    (
        "Convoys of 12 buses leave each week, moving around 2,000 refugees each time.",
        [("buses", 12), ("evacuees", 2000)],
    ),
    (
        "The ministry sent five buses to move about 400 people to a new site.",
        [("buses", 5), ("evacuees", 400)],
    ),
    # goods name trucks as cargo, never buses
    (
        "The ministry provided 35 buses and 60 trucks to transport the families and their "
        "belongings.",
        [("buses", 35)],
    ),
    ("Nearly a million people are still unable to go home.", [("displaced", 1000000)]),
    ("Some 100,000 Rohingya have been confined to camps since 2012.", [("population", 100000)]),
    ("In a metropolitan area of nearly 3 million people, gangs rule.", [("population", 3000000)]),
    # a subset: "of the victims", a later item of a list that "among them" opened
    ("Two of the victims were children, a coroner said.", [("killed", 2)]),
    (
        "Over 40 people were injured. Two of the victims were children.",
        [("injured", 40), ("injured", 2)],
    ),
    (
        "At least ten civilians were killed, local sources said, among them a health worker "
        "and two children.",
        [("killed", 10), ("killed", 2)],
    ),
    # a bare number after "with" in a list whose noun was said once
    (
        "Hatay was the worst-hit province with 9,181 deaths, followed by Maras with 7,903 and "
        "Adiyaman with 4,658.",
        [("killed", 9181), ("killed", 7903), ("killed", 4658)],
    ),
    # households are never figures, but a restatement in people takes their category
    (
        "Between 60,000 and 80,000 households had fled since Friday, equivalent to up to "
        "400,000 people.",
        [("displaced", 400000)],
    ),
    # a hospital moving its patients is a medical transfer; a convoy evacuating them is not
    ("The hospital evacuated some 400 patients after the blast tore through its wards.", []),
    ("A convoy managed to evacuate 12 critically ill patients to Rafah.", [("evacuees", 12)]),
    # residents are a population unless a verb moves them
    (
        "Police said around 1,200 residents had left the villages by road since Monday.",
        [("evacuees", 1200)],
    ),
    (
        "The city moved more than 7,000 residents of low-lying coastal villages to higher ground.",
        [("evacuees", 7000)],
    ),
    (
        "Hundreds of thousands of residents were left without drinking water.",
        [("population", 200000)],
    ),
    ("Firefighters dig in the mud, where most of the 48 victims were found.", [("killed", 48)]),
    ("Displaced families board some of the 35 buses sent by the ministry.", [("buses", 35)]),
    # a noun between the number and the vehicle
    (
        "On Tuesday, six evacuation buses took 212 people from the border to Sumy.",
        [("buses", 6), ("evacuees", 212)],
    ),
    # a state written right after another number is that number's
    (
        "The storm had killed 233 people, with 104 missing and 807 injured.",
        [("killed", 233), ("injured", 807)],
    ),
    ("Death toll from floods rises to 32 as residents flee", [("killed", 32)]),
    (
        "The assessment counts 2,300 families left homeless, or about 13,800 people.",
        [("displaced", 13800)],
    ),
    ("Around 600 disaster victims have been sleeping in the classrooms.", []),
    # the subject's verb, past a prepositional phrase
    (
        "About 300 guests and employees of the golf resort, on the southern flank of the "
        "volcano, were evacuated by road.",
        [("evacuees", 300)],
    ),
    # a participle after the count describes it; the main verb says what happened
    (
        "Nearly 7,000 people living along the Red River were evacuated on Tuesday.",
        [("evacuees", 7000)],
    ),
    ("About 5,000 people living in the camp remain trapped.", [("population", 5000)]),
    # "remain" before a state or a number says nothing of staying
    (
        "Of the 275 bodies, as many as 187 remain unidentified.",
        [("killed", 275), ("killed", 187)],
    ),
    ("More than 3,000 residents remain evacuated from the slopes.", [("evacuees", 3000)]),
    (
        "A total of 1,175 people were injured. The remaining 382 are undergoing treatment.",
        [("injured", 1175), ("injured", 382)],
    ),
    ("Fewer than 300 health workers remain at the hospital.", [("population", 300)]),
    # buses sent "to take" or "to bring out" people are an evacuation
    (
        "The ministry sent 20 buses on Sunday to bring out tourists stranded by the quake.",
        [("buses", 20)],
    ),
    (
        "The corporation pressed 50 buses into service to take them to Kolkata.",
        [("buses", 50)],
    ),
    # toll revisions: "up from N late last night", numbers between a tally and "rose to"
    (
        "The death toll rose to 54 on Monday, up from 44 late last night.",
        [("killed", 54), ("killed", 44)],
    ),
    (
        "The toll, initially put at seven on Monday morning, rose to 11 after residents "
        "found more bodies.",
        [("killed", 7), ("killed", 11)],
    ),
    # people camped or gathered somewhere are its population
    (
        "Between 3,000 and 4,000 people, most of them from Syria, are camped on the border.",
        [("population", 3000)],
    ),
    ("Its teams had treated 49 people for gunshot and machete wounds.", [("injured", 49)]),
    (
        "Cyclone Remal: 10 dead, 8 lakh people taken to shelters",
        [("killed", 10), ("evacuees", 800000)],
    ),
    ("Thousands of villagers remain hiding in the forests.", [("displaced", 2000)]),
    # people in need are no population, but "trapped" still says what is counted
    ("Some 3,000 people remain trapped in need of help.", [("population", 3000)]),
    # "as" between a cue and the number joins two clauses
    ("Derna counts its dead as thousands remain displaced.", [("displaced", 2000)]),
    ("I lost seventeen members of my family.", [("killed", 17)]),
    # one family's members count only as its dead or injured
    (
        "The shell hit a house, killing a woman, her three daughters and a relative.",
        [("killed", 3)],
    ),
    # a day after an abbreviated month is a date, and the verb after it takes its object
    ("A blast late on Oct. 14 killed six miners and injured 11 others.",
     [("killed", 6), ("injured", 11)]),
    ("Four of the deceased were from the southern districts.", [("killed", 4)]),
    # a number in a name ("Camp 5") counts nothing, not even a verb after it
    ("Blaze in Camp 5 kills 2 children, injures at least 15", [("killed", 2), ("injured", 15)]),
    # an age aside between commas stands apart, both ages in it
    ("Two children, aged 5 and 8, died in the fire.", [("killed", 2)]),
    ("More than 10 million remain internally displaced, IOM says.", [("displaced", 10e6)]),
    ("Rescuers pulled 58 survivors from the sea after the boat overturned.", [("evacuees", 58)]),
    ("The camp holds 23,450 children, OCHA said.", [("population", 23450)]),
    # "are among them": a subset of the figure before
    ("Some 20,000 refugees arrived. UNICEF estimates that some 8,600 children are among them.",
     [("displaced", 20000), ("displaced", 8600)]),
    # people pulled out alive are not dead; people buried alive are
    ("Rescuers recovered nine bodies and pulled out six people alive.",
     [("killed", 9), ("evacuees", 6)]),
    ("The landslide buried more than 2,000 people alive.", [("killed", 2000)]),
    # subsets coordinated after "among them" share the whole's category
    ("Rescuers had counted 31 bodies, among them 11 children and seven women.",
     [("killed", 31), ("killed", 11), ("killed", 7)]),
    # "and" before a verb with its own count ends the noun phrase
    ("The war has killed at least 45,936 Palestinians and wounded more than 109,270.",
     [("killed", 45936), ("injured", 109270)]),
    # an appositive naming who they were stands apart
    ("Two migrants, a woman and her 5-year-old son, were found dead on Sunday.",
     [("killed", 2)]),
    # a passive verb takes no object: the injured after "and" are injured
    ("At least 19 people, among them seven children, were killed and 43 others injured.",
     [("killed", 19), ("killed", 7), ("injured", 43)]),
    # a verb after an aside ", including ..." speaks for its subsets too
    ("At least 23 displaced persons, including nine women and six children, were killed.",
     [("displaced", 23), ("killed", 9), ("killed", 6)]),
    ("The toll rose to 11 after two passengers succumbed to their injuries.",
     [("killed", 11), ("killed", 2)]),
    # the deaths, not what the group is called ("displaced", "wounded") say what is counted
    ("Two displaced people were burnt to death, he said.", [("killed", 2)]),
    ("Yesterday we received more than 50 wounded people and nine who were dead on arrival.",
     [("injured", 50), ("killed", 9)]),
    # staying in a state of care is no staying put
    ("Some 300 people remain in critical condition.", [("injured", 300)]),
    ("Dhaka, a megacity of more than 20 million people, is worst hit.", [("population", 20e6)]),
    ("The 2023 Deyr floods displaced more than 1.1 million people.", [("displaced", 1.1e6)]),
    # returns and expulsions are movements of displaced people
    ("In June alone, some 71,000 people returned.", [("displaced", 71000)]),
    ("In 2022, at least 24,250 people were expelled to Niger.", [("displaced", 24250)]),
    ("More than 9,000 returnees crossed back on Monday.", [("displaced", 9000)]),
    # a participle after the count opens a relative clause: the main verb says what
    ("About 4,500 refugees expelled from Algeria are stranded in Assamaka.",
     [("population", 4500)]),
    ("More than 4,500 migrants, asylum seekers and refugees expelled from Algeria are "
     "stranded in Assamaka.", [("population", 4500)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), CATEGORIES, ids=[c[0][:40] for c in CATEGORIES])
def test_categories(text: str, want: list[tuple[str, float]]) -> None:
    got = [(c, v) for c, v in _figs(text) if c != "other"]
    assert got == want


NEVER = [
    ("IS has had a presence in the area since 2015.", "2015"),
    ("The war began in 2011.", "2011"),
    ("Fighters entered the camp on 1 April.", "1"),
    ("We haven't seen any of them in over three days.", "three"),
    ("IS controls less than three percent of the country.", "three"),
    ("Only 18% of the appeal is funded.", "18"),
    ("A 7-year-old girl was among the injured.", "7"),
    ("Tesfaye, 58, fled with his family.", "58"),
    ("Around 40 percent of children under five are malnourished.", "five"),
    ("He told Channel 4 news that the rebels control the camp.", "4"),
    ("Call our newsroom on +254 20 322 2111.", "254"),
    ("Live updates 24/7 on the site.", "24"),
    ("Pro-government forces bombed the two areas.", "two"),
    ("Leaving the government with control of the two neighborhoods.", "two"),
    ("The clashes between the two sides go on.", "two"),
    ("The landslide buried 12 houses.", "12"),
    ("The quake struck at 3:40 a.m. local time.", "3"),
    ("The appeal seeks $852 million.", "852"),
    ("The road is cut 40 km north of the city.", "40"),
    ("It was the second time this year.", "second"),
    ("Security Council Resolution 2334 was cited.", "2334"),
    ("Partners distributed 1,200 tents and 3,400 shelter kits.", "3,400"),
    ("The strike hit one of the eight refugee camps in Gaza.", "eight"),
    ("Supply convoys are ambushed; a convoy of 200 trucks arrived in September.", "200"),
    ('"We are leaving our dead, everything," one woman told AFP.', "one"),
    ("Aid arrived.\nRead also\n- Juba: 3 killed in Gudele shooting", "3"),
    ("Aid arrived.\nAlso worth reading\n- Heavy rain in Bangladesh leaves 2 dead", "2"),
    ("Evacuation remains in force in 31 settlements.", "31"),
    ("The centre, built for 1,500 people, is overwhelmed as new arrivals come.", "1,500"),
    ("The camp, designed for 40,000 refugees, took in 12,000 who fled.", "40,000"),
    ("Aid arrived.\nRead more Mali: Dozens killed in attacks on river boat", "Dozens"),
    ('"They killed my husband and took our two daughters," she said.', "two"),
    ("Roughly half the population is 65 or older.", "65"),
    ('"There are 150-plus houses that are now buried," he said.', "150"),
    ("More than 8,000 U.N. peacekeepers remain in Liberia.", "8,000"),
    ("About two-thirds of the population need aid, the UN said.", "two"),
    ("Returnees go on by boat, a journey of two to three days, to the camps.", "two"),
    ("A Chinese rescue team of 82 members arrived to help the displaced.", "82"),
    ("About 2,000 detainees escaped from the central prison.", "2,000"),
    ("Officials said 281 inmates fled the prison after the flood.", "281"),
    ("She fled her home with her four grandchildren and a bag of clothes.", "four"),
    ("He escaped with his wife and their three grandchildren.", "three"),
    ("Dozens of armed men entered the town at dawn.", "Dozens"),
    ("READ: Storm leaves 6 dead in the region", "6"),
    ("The WFP said it reached 340,000 people in the region with cash.", "340,000"),
    ("Thousands lost their jobs when the factory closed.", "Thousands"),
    ("The coast guard lost contact with 12 fishermen.", "12"),
    ("Its teams had treated 27 people for hypothermia and exhaustion.", "27"),
    ("As many as 114 roads, including two National Highways, were closed.", "two"),
    ("More than 1,000 volunteers were taking part in the rescue operations.", "1,000"),
    ("The UN has appealed for $71.4 million to help 250,000 people in need.", "250,000"),
    ("Two children, aged 5 and 8, died in the fire.", "8"),
    # a relative's children are one family: no count of people
    ('"My mother and my brother\'s two children were inside," he said.', "two"),
    # people trapped under rubble are missing, not a population
    ("We still believe at least six people remain trapped under the rubble.", "six"),
    # survivors pulled alive from a collapse are not taken anywhere
    ("He said five people had been pulled alive from the mud.", "five"),
    # numbers that name an exit, a block, a gate; a wind force
    ("Interstate 75 reopened between exits 131 and 158, and 40 people were evacuated.", "131"),
    ("Interstate 75 reopened between exits 131 and 158, and 40 people were evacuated.", "158"),
    ("The fire, fanned by winds of up to 8 Beaufort, forced 90 people to flee.", "8"),
    ("The NDMA's helpline, 1700, remained operational.", "1700"),
    # what buildings could hold is a capacity
    ("Da Nang has prepared 1,230 buildings able to shelter 450,000 people.", "450,000"),
    ("The war killed some 300,000 people between 2011 and 2021.", "2011"),
    # people searched for are missing
    ("Rescuers were still searching for at least six people believed to be trapped.", "six"),
    # a jailbreak is no flight
    ("Of the 1,030 detainees held in the prison, more than 800 escaped, he said.", "800"),
    # patients of an illness are no injured
    ("During the same period, 1,204 dengue patients were hospitalized.", "1,204"),
    ("So far, 71,455 people have been hospitalized with dengue this year.", "71,455"),
    ("The 2023 Deyr floods displaced more than 1.1 million people.", "2023"),
    (
        "Some 35 ambulances and 1,000 volunteers joined the rescue; 260 injured were transferred.",
        "35",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "Survivors said there were more than 400 people aboard the ferry when it sank.",
        "Some survivors estimated there were more than 400 people aboard.",
        "The ship had 250 passengers on board.",
    ],
)
def test_people_aboard_a_boat_are_not_evacuees(text: str) -> None:
    assert "evacuees" not in [c for c, _v in _figs(text)]


@pytest.mark.parametrize(("text", "number"), NEVER, ids=[n[0][:40] for n in NEVER])
def test_never_figures(text: str, number: str) -> None:
    found = [f.text for f in extract_figures(text, Source(published="2024-06-17"))]
    assert not any(number in t for t in found), found


AS_OF = [
    ("Fighters began evacuating on Sunday, carrying 600 evacuees.", "2018-05-21", "2018-05-20"),
    ("Last month, 2,000 people fled the town.", "2018-05-21", "2018-04"),
    ("More than 1,000 civilians left the district in March.", "2018-05-21", "2018-03"),
    ("Last year, 500 people were killed in the fighting.", "2018-05-21", "2017"),
    ("UNRWA says thousands are trapped there on 21 January, 2014.", "2015-04-14", "2014-01-21"),
    ("It was once home to 160,000 refugees, as well as others.", "2018-05-20", "before:"),
    (
        "The town had about 70,000 residents before the war broke out in April 2023.",
        "2024-06-17",
        "before:2023",
    ),
    (
        "The population dwindled from an estimated 200,000 people to a few thousand today.",
        "2018-04-20",
        "before:",
    ),
    ("Floods killed at least 1,086 people between January and March.", "2025-04-08", "2025-03"),
    ("About 500 people remain trapped in the town.", "2024-06-17", "2024-06-17"),
]


@pytest.mark.parametrize(("text", "published", "want"), AS_OF, ids=[a[0][:40] for a in AS_OF])
def test_as_of(text: str, published: str, want: str) -> None:
    figs = extract_figures(text, Source(published=published))
    assert figs, text
    assert figs[0].as_of.startswith(want), figs[0].as_of


def test_as_of_is_empty_without_a_published_date() -> None:
    (fig,) = extract_figures("On Sunday, 600 people were evacuated.")
    assert fig.as_of == ""


ATTRIBUTION = [
    (
        "The Permanent Contingency Commission said 23 people had died.",
        "Permanent Contingency Commission",
    ),
    (
        "Twelve buses carried 600 migrants, the agency Migracion Colombia said.",
        "Migracion Colombia",
    ),
    (
        "More than 60 civilians were killed, according to the Syrian Observatory for Human Rights.",
        "Syrian Observatory for Human Rights",
    ),
    (
        "UNRWA estimates that there are some 3,500 children among the 18,000 civilians "
        "living there.",
        "UNRWA",
    ),
    ("The U.N.'s refugee agency warned of a threat to 12,000 refugees still there.", "UNHCR"),
    (
        "An estimated 45,000 people remain trapped, the U.N. Office for the Coordination of "
        "Humanitarian Affairs (OCHA) said last week.",
        "OCHA",
    ),
    (
        "Médecins Sans Frontières (MSF), which supports the hospital, said it treated 46 wounded "
        "people.",
        "MSF",
    ),
    (
        "Twenty people were killed, according to Haiti's civil protection agency.",
        "Haiti's civil protection agency",
    ),
    (
        "The Office of the High Commissioner for Human Rights, or OHCHR, said Tuesday that "
        "some 45,000 Rohingya had fled.",
        "OHCHR",
    ),
    ("Refugees interviewed by staff in Adré said that at least 1,100 people had been killed.", ""),
    (
        "Syria's embassy in Beirut said at least 43 Syrian nationals were among the dead.",
        "Syria's embassy",
    ),
    ("As Ukrinform reported, a drone struck a minibus, injuring three passengers.", "Ukrinform"),
    (
        "At least 145 Egyptian nationals were among the dead, Egypt's foreign ministry said.",
        "Egypt's foreign ministry",
    ),
    (
        "Local leaders told The EastAfrican that at least four civilians were killed.",
        "Local leaders",
    ),
    (
        "The agency OCHA said 300 people died. Gaza was worst hit with 200 deaths, according to "
        "the agency's breakdown.",
        "OCHA",
    ),
    (
        "Some 3 million people live in the area, according to the U.N. Since March, gangs "
        "have closed the airport.",
        "United Nations",
    ),
    ("As many as six people were reportedly killed in the clashes.", ""),
    ("'The buses carried 600 evacuees,' a resident told AFP.", ""),
    ("'The buses carried 600 evacuees,' an ICRC spokesperson told AFP.", "ICRC"),
    ("Aid agencies say fewer than 9,000 residents remain.", "Aid agencies"),
    # a speaker opening a clause of its own after ";" or "although" speaks for that clause
    ("Dakhla was home to some 31,000 refugees; the camp administration says 11,000 of them "
     "live in tents.", ""),
    ("Zamzam was home to an estimated 500,000 people, although some aid agencies put the "
     "figure closer to one million.", ""),
    ("Some 300 people died; 200 were hurt, officials said.", "officials"),
    # a full stop after a word ends an organisation's name
    ("Iraq has repatriated 19,000 of its nationals, according to Baghdad's Ministry of "
     "Migration and Displacement. The most recent convoy left in January.",
     "Baghdad's Ministry of Migration and Displacement"),
    ("One person was killed in Huliaipole, the regional administration said.",
     "regional administration"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # after a list of places, "states" is the noun, not a speaker's verb
        ("IOM estimates that 1.8 million people are displaced in Borno, Adamawa and Yobe "
         "states, of whom about 1.3 million are in Borno.", ["IOM", "IOM"]),
        ("The UN report states that 1,200 people died.", ["United Nations"]),
    ],
)  # fmt: skip
def test_states_is_a_verb_only_before_what_is_said(text: str, want: list[str]) -> None:
    figs = extract_figures(text, Source(published="2024-06-17"))
    assert [f.attributed_to for f in figs] == want


@pytest.mark.parametrize(("text", "want"), ATTRIBUTION, ids=[a[0][:40] for a in ATTRIBUTION])
def test_attribution(text: str, want: str) -> None:
    figs = extract_figures(text, Source(published="2024-06-17"))
    assert figs
    assert figs[0].attributed_to == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("98 people have died, the disaster agency NDRRMC said.", "NDRRMC"),
        # two bodies give the same number: the headline takes neither
        ("98 people have died, NDRRMC said. Police also said 98 people died.", ""),
        # a vague amount is no restatement of a credited one
        ("Thousands have died, NDRRMC said.", ""),
    ],
)
def test_a_headline_restating_a_credited_number_takes_its_credit(body: str, want: str) -> None:
    head = "Death toll rises to 98\n\n" if "98" in body else "Thousands dead\n\n"
    figs = extract_figures(head + body, Source(published="2024-06-17"))
    assert figs[0].start < len(head)
    assert figs[0].attributed_to == want


def test_person_and_pronoun_resolve_to_the_body() -> None:
    text = (
        "The monitor's figures were cited by many. IS jihadists left the area, said Observatory "
        "head Rami Abdel Rahman of the Syrian Observatory for Human Rights.\n"
        '"The six buses left at dawn," he told AFP.\n'
        "Abdel Rahman said more than two dozen buses remained for additional evacuations."
    )
    figs = extract_figures(text, Source(published="2018-05-20"))
    assert [(f.category, f.attributed_to) for f in figs] == [
        ("buses", "Syrian Observatory for Human Rights"),
        ("buses", "Syrian Observatory for Human Rights"),
    ]


def test_boilerplate_yields_nothing() -> None:
    text = (
        "Floods killed 12 people in the valley on Monday, officials said.\n\n"
        "Subscribe to our newsletter! Call +254 20 322 2111\n"
        "Related Articles\n"
        "Quake kills 300 in the north\n"
        "1 Ferry sinks with 40 aboard\n"
        "2 Storm leaves 5,000 homeless\n"
    )
    figs = extract_figures(text, Source(published="2024-06-17"))
    assert [(f.category, f.value) for f in figs] == [("killed", 12)]


def test_article_goes_on_after_a_list_of_other_stories() -> None:
    text = (
        "Floods killed 12 people in the valley on Monday, officials said. Rescue teams "
        "searched the river banks through the night, and the regional governor asked the "
        "army for helicopters to reach villages cut off by landslides. Schools stayed shut "
        "and the main road to the coast remained closed to all but emergency vehicles, "
        "according to the police, who warned that more rain was expected before the weekend.\n\n"
        "RELATED:\n"
        "Quake kills 300 in the north\n"
        "Storm leaves 5,000 homeless\n\n"
        "The province, home to about 330,000 people, is one of the most exposed to floods "
        "in the whole region.\n"
    )
    figs = extract_figures(text, Source(published="2024-06-17"))
    assert [(f.category, f.value) for f in figs] == [("killed", 12), ("population", 330_000)]


def test_repeated_caption_counts_once() -> None:
    caption = "Some 2,000 people fled the fighting on Sunday (AFP)"
    text = f"{caption}\n\nThe story goes on here and says nothing new.\n\n{caption}\n"
    assert len(extract_figures(text, Source(published="2024-06-17"))) == 1


def test_aliases_resolve_place_spellings() -> None:
    text = "Thousands are trapped in Yarmuk, where 500 people were killed."
    figs = extract_figures(text, Source(published="2015-04-02"))
    assert {f.where for f in figs} == {"Yarmouk"}
    extra = {"places": {"Al-Yarmouk": ["Yarmuk"]}}
    figs = extract_figures(text, Source(published="2015-04-02"), aliases=extra)
    assert {f.where for f in figs} == {"Al-Yarmouk"}


def test_spans_and_quotes() -> None:
    text = "Intro line.\n\nAt least 19 people were killed and 27 others injured, officials said."
    for f in extract_figures(text, Source(published="2024-11-18")):
        assert text[f.start : f.end] == f.text
        assert f.text in f.quote and f.quote in text


def test_units_never_mix() -> None:
    import pint

    text = "32 buses took 1,600 people out of the district."
    buses, people = extract_figures(text, Source(published="2018-05-21"))
    assert (buses.unit, people.unit) == ("bus", "person")
    with pytest.raises(pint.DimensionalityError):
        buses.quantity() + people.quantity()


def test_descriptors_and_pronouns_resolve_backwards_only() -> None:
    text = (
        "The World Food Programme said aid was blocked. The agency said the roads were cut. "
        'Some 300 people were killed, the monitor said. "Another 500 died," he said.'
    )
    figs = extract_figures(text, Source(published="2024-01-01"))
    assert [(f.value, f.attributed_to) for f in figs] == [(300, "WFP"), (500, "WFP")]


def test_a_long_chain_of_descriptors_finishes() -> None:
    chain = " ".join("The agency said the roads were cut." for _ in range(500))
    text = f'{chain} Some 300 people were killed, the monitor said. "Another 500 died," he said.'
    figs = extract_figures(text, Source(published="2024-01-01"))
    assert [f.value for f in figs] == [300, 500]
    assert all(f.attributed_to == "" for f in figs)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('"We have found 85 people so far," said a Red Cross spokesman.', []),
        ("Thousands Flee As Fighting Spreads", [("displaced", 2000.0)]),
    ],
)
def test_words_inside_names_are_no_cues(text: str, want: list[tuple[str, float]]) -> None:
    assert _figs(text) == want
