"""Event typing: ACLED sub-event types from sentences the team wrote, the taxonomy, and the CASE-2021 scorer."""

import pytest

from storyline.analyse import event_types
from storyline.analyse.event_types import (
    EventType,
    case_label_to_acled,
    classify_event,
    classify_text,
    mapping_for,
    taxonomy,
)
from storyline.analyse.nlp import parse
from storyline.evaluation.case2021 import evaluate_case2021

INCIDENTS = [
    # blows struck by a crowd on armed men; activists held at home while a protest goes on: the arrests
    ("Witnesses said the crowd punched and kicked the soldiers and pushed their jeep off the road.", "Mob violence"),
    ("Police detained five activists at their homes on Friday as a protest against a pipeline deal entered its "
     "second week.", "Arrests"),
    # the seed report's incidents, told in our own words
    ("Border troops said they used a drone to kill three suspected smugglers near the river last month.",
     "Air/drone strike"),
    ("In July, soldiers from both countries exchanged fire across the valley.", "Armed clash"),
    ("A drone attack on the engineers' camp killed four employees of the construction firm.", "Air/drone strike"),
    ("Officials said two incidents of gunfire across the frontier this week left three people dead.",
     "Armed clash"),
    ("The two neighbours have fought recent clashes along the border that killed dozens.", "Armed clash"),
    # battles and violence against civilians
    ("Insurgents attacked an army checkpoint before dawn, killing seven soldiers.", "Armed clash"),
    ("Unidentified gunmen opened fire on a minibus carrying farm labourers, killing six of them.", "Attack"),
    ("Two nurses were shot dead by masked men outside the clinic on Friday.", "Attack"),
    ("Armed men kidnapped twelve passengers from a bus on the northern highway.",
     "Abduction/forced disappearance"),
    ("The report says soldiers raped at least twenty women during the operation.", "Sexual violence"),
    # explosions and remote violence
    ("A suicide bomber blew himself up at the gate of the police academy, killing nine recruits.", "Suicide bomb"),
    ("A roadside bomb struck a police pickup on the outskirts of the city, wounding three officers.",
     "Remote explosive/landmine/IED"),
    ("Militants hurled a grenade at a crowded bus stop, injuring eleven people.", "Grenade"),
    ("Artillery shells and mortar rounds landed on the eastern districts overnight.",
     "Shelling/artillery/missile attack"),
    ("Rescue workers said dozens of residents struggled to breathe after canisters of chlorine were dropped "
     "on the town.", "Chemical weapon"),
    ("Warplanes bombed rebel positions in the hills, the monitoring group said.", "Air/drone strike"),
    # protests and riots
    ("Thousands of teachers marched peacefully to parliament to demand higher pay.", "Peaceful protest"),
    ("Police fired tear gas and water cannon to disperse students protesting against fee rises.",
     "Protest with intervention"),
    ("Security forces fired live ammunition at peaceful demonstrators, killing four of them.",
     "Excessive force against protesters"),
    ("Protesters hurled stones at police and set tyres ablaze on the main road.", "Violent demonstration"),
    ("An angry mob lynched a man accused of stealing a goat.", "Mob violence"),
    # strategic developments
    ("The army and the rebel alliance signed a ceasefire agreement on Sunday.", "Agreement"),
    ("Police arrested forty opposition organisers in the capital on charges of sedition.", "Arrests"),
    ("Army engineers defused a bomb found under a bridge near the market.", "Disrupted weapons use"),
    ("Troops seized thirty rifles and a large stock of ammunition from a hideout.", "Disrupted weapons use"),
    ("Government forces recaptured the town of Dera from the rebels on Tuesday.", "Government regains territory"),
    ("Insurgents seized control of the district centre after days of heavy fighting.",
     "Non-state actor overtakes territory"),
    ("The militia entered the town without resistance after the army had withdrawn.",
     "Non-violent transfer of territory"),
    ("The army set up a new base near the border crossing.", "Headquarters or base established"),
    ("Armed men looted and burned several shops in the market overnight.", "Looting/property destruction"),
    ("About two hundred fighters defected to the government side with their weapons.", "Change to group/activity"),
    # other wordings of the same types
    ("Helicopter gunships strafed the convoy, destroying four trucks.", "Air/drone strike"),
    ("A Grad rocket landed in a schoolyard, injuring three children.", "Shelling/artillery/missile attack"),
    ("An IED hidden in a motorcycle went off at a checkpoint, killing two soldiers.",
     "Remote explosive/landmine/IED"),
    ("A motorcycle packed with explosives blew up outside the bus depot, killing three people.",
     "Remote explosive/landmine/IED"),
    ("Gunmen seized 30 students from their dormitory overnight.", "Abduction/forced disappearance"),
    ("A crowd attacked and killed a man accused of witchcraft in the village.", "Mob violence"),
    ("Customs officers intercepted a truck carrying 200 assault rifles at the border.", "Disrupted weapons use"),
    ("The army regained control of the coastal highway after a two-week offensive.", "Government regains territory"),
    ("Bandits on motorbikes killed 17 villagers and burned their granaries.", "Attack"),
    # "storm" and "fire" as verbs are assaults, not weather or accidents
    ("Gunmen stormed a farming settlement at dawn, killing eleven residents.", "Attack"),
    ("Three policemen died when militants stormed their checkpoint on the ring road.", "Armed clash"),
    ("Soldiers fired on a wedding party near the market, killing five guests.", "Attack"),
    ("Hundreds of protesters stormed the regional assembly and smashed its windows.", "Violent demonstration"),
    ("Angry demonstrators stormed the governor's office over the fuel shortage.", "Violent demonstration"),
    # a crowd that storms a building and is met with tear gas riots, even where no word says "protest";
    # police or troops who storm a place and fire tear gas do not
    ("Police fired tear gas at about 2,000 farmers who tried to storm the district office, injuring fourteen.",
     "Violent demonstration"),
    ("Hundreds of residents stormed the police station on Monday and police fired tear gas, injuring ten.",
     "Violent demonstration"),
    ("Police stormed the compound and fired tear gas at the gunmen inside, injuring three of them.",
     "Armed clash"),
    # a crowd demanding something is protesting; shots at it are lethal force against protesters
    ("Police opened fire on a crowd that had surrounded the police station, demanding answers over a death in "
     "custody, killing one man.", "Excessive force against protesters"),
    # an arrest told in a relative clause about someone else is not an intervention at the protest
    ("The protest was triggered by the death of a driver who had been arrested on Monday.", "Arrests"),
    ("Riot police detained about 200 people when supporters of the opposition held sit-ins in the capital.",
     "Protest with intervention"),
    ("Police bomb disposal experts on Tuesday disarmed an explosive device that had been left at the door of the "
     "party's office, police said.", "Disrupted weapons use"),
    ("An explosive charge went off beneath the tracks of the railway line shortly after 4 a.m. on Thursday.",
     "Remote explosive/landmine/IED"),
    ("An explosion damaged a stretch of the railway line early on Thursday, and prosecutors opened an investigation "
     "into suspected sabotage.", "Remote explosive/landmine/IED"),
    ("The rebels handed over the town of Kidal to the army on Monday.", "Non-violent transfer of territory"),
]

NOT_INCIDENTS = [
    "The bodies have been handed over to the police at Kasane for post-mortem examination.",
    "An explosion damaged a stretch of the railway line early on Thursday, halting traffic for several hours.",
    "Some 3,000 fans kicked off the celebrations in the main square.",
    "Farmers vowed to stay on the road until the trade agreement is cancelled.",
    "The foreign minister met his counterpart on Monday to discuss trade and transit fees.",
    "A strong earthquake struck the coast, killing twelve people and damaging hundreds of homes.",
    "A gas cylinder exploded in a restaurant kitchen, injuring three cooks.",
    "The group claimed responsibility for last week's bombing of the ministry.",
    "The government expelled two diplomats and recalled its ambassador.",
    "Customs officers broke up a ring that smuggled counterfeit cigarettes across the border.",
    "A fire at a textile factory killed 14 workers.",
    "A bus plunged into a ravine, killing 23 passengers.",
    "A violent storm swept the delta overnight, killing nine fishermen.",
    "The ministry rejected accusations that its troops were behind the massacre.",
    # an explosion where a workplace or a fuel is named is an accident, whatever it killed
    "Nine miners died after an explosion at a coal mine in the north of the province.",
    "A fuel tanker exploded on the highway, killing 30 people who had rushed to scoop up petrol.",
    # a weapon word that only names what is used against such weapons
    "The families asked the ministry for mine-detection equipment and armoured vehicles.",
    "A mine clearance team finished work on the road to the border crossing.",
]


def test_armed_men_who_killed_men_attacked_civilians_and_rival_groups_with_machetes_brawled():
    # "men" of "Armed men" does not make every man of the sentence armed
    assert classify_text("Armed men killed two indigenous men and wounded a third in an attack on a farming "
                         "settlement late on Tuesday, community leaders said.").sub_event_type == "Attack"
    assert classify_text("Armed men killed two soldiers at a checkpoint on Tuesday.").sub_event_type == "Armed clash"
    # sides no word makes civilians fight with a brawl's weapons: mob violence; with guns, a clash
    brawl = ("Two people were killed on Saturday evening when members of two rival martial arts groups fought with "
             "machetes, arrows and stones in the centre of the town, police said.")
    assert classify_text(brawl).sub_event_type == "Mob violence"
    assert classify_text(brawl.replace("machetes, arrows and stones", "rifles")).sub_event_type == "Armed clash"
    # a bomb told as "the device"
    assert classify_text("The device went off on a dirt road outside the village as the bus passed."
                         ).sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(("text", "sub_event_type"), INCIDENTS)
def test_incident_sentences_get_their_acled_sub_event_type(text, sub_event_type):
    event = classify_text(text)
    assert event is not None, text
    assert event.sub_event_type == sub_event_type, (text, event)
    assert (event.event_type, event.plover_type, event.plover_mode, event.cameo_root) == mapping_for(sub_event_type)


@pytest.mark.parametrize("text", NOT_INCIDENTS)
def test_statements_disasters_crime_and_claims_are_not_incidents(text):
    assert classify_text(text) is None


def test_trigger_points_into_the_article_and_names_its_rule():
    text = "The council met on Monday. Later that night, a car bomb exploded outside the governor's office."
    doc = parse(text)
    sentence = list(doc.sents)[1]
    event = classify_event(sentence)
    assert isinstance(event, EventType)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.trigger.field == "event_type"
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text == "car bomb"
    assert event.rule.startswith("trigger:") and 0.0 < event.confidence <= 1.0
    assert classify_event(list(doc.sents)[0]) is None


def test_attack_or_clash_is_decided_by_who_was_hit():
    assert classify_text("Gunmen attacked a wedding party in the village, killing five guests.").sub_event_type \
        == "Attack"
    assert classify_text("Gunmen attacked a military patrol in the village, killing five soldiers.").sub_event_type \
        == "Armed clash"


def test_civilians_killed_as_armed_men_fought_are_a_clash_and_a_gathering_that_demands_is_a_protest():
    # ACLED codes the civilians caught in a battle with the battle
    assert classify_text("At least 20 people, including four civilians, were killed when rebel fighters and army "
                         "troops fought for hours around the town of Kalehe on Sunday.").sub_event_type == "Armed clash"
    assert classify_text("Four civilians were killed when gunmen attacked the market on Sunday.").sub_event_type \
        == "Attack"
    # what a gathering demands makes it a protest, however many words stand between
    protest = classify_text("About 800 nurses gathered outside the provincial health department in Mataram on "
                            "Monday morning, demanding three months of unpaid allowances.")
    assert (protest.sub_event_type, protest.rule) == ("Peaceful protest", "gathered-demanding:gather/VERB")
    assert classify_text("Hundreds of mourners gathered at the cemetery on Friday to bury the victims.") is None


def test_fighting_between_the_police_and_people_who_bear_no_arms_is_rioting():
    for text in ("Police clashed with opposition supporters in Kampala on Saturday.",
                 "Running battles between police and opposition supporters broke out in Kampala on Saturday."):
        found = classify_text(text)
        assert (found.sub_event_type, found.rule.split(":")[0]) == ("Violent demonstration", "fight-with-police")
    # an armed side, or soldiers rather than police, leave it a battle
    assert classify_text("Police clashed with gunmen in Kampala on Saturday.").sub_event_type == "Armed clash"
    assert classify_text("Soldiers clashed with rebels near Kasese on Saturday.").sub_event_type == "Armed clash"
    # guards who keep order at a site stand where the police do: workers fighting them riot
    found = classify_text("Factory workers demanding back pay clashed with guards at the gate on Monday night.")
    assert (found.sub_event_type, found.rule.split(":")[0]) == ("Violent demonstration", "fight-with-police")
    assert classify_text("Border guards clashed with gunmen near the crossing on Monday.").sub_event_type == "Armed clash"


def test_a_camp_of_herders_or_miners_is_a_civilian_target_and_an_army_camp_an_armed_one():
    assert classify_text("Last month, an attack on herders' camps near Bédjondo left five people dead, the "
                         "governor's office said.").sub_event_type == "Attack"
    assert classify_text("Six gold miners were killed in an attack on a panning camp along the river on Tuesday."
                         ).sub_event_type == "Attack"
    assert classify_text("Three people were killed in an attack on an army camp near Bédjondo on Tuesday."
                         ).sub_event_type == "Armed clash"


def test_barricades_are_put_up_by_whoever_set_them_up_and_no_trigger_starts_inside_an_outlets_name():
    found = classify_text("Youths set up barricades in Kawempe on Saturday.")
    assert (found.sub_event_type, found.rule.split(":")[0]) == ("Peaceful protest", "blockade-by-civilians")
    assert classify_text("Soldiers set up barricades around the presidential palace on Saturday.") is None
    # the "Post" of the paper's name is no post set up
    found = classify_text("Residents told the Pearl Nation Post that groups of youths set up barricades of burning "
                          "tyres late on Saturday and threw stones at police patrol trucks.")
    assert found.sub_event_type == "Violent demonstration"
    # a named road a trigger ends on is still the road blocked
    assert classify_text("Miners blocked the Pan-American Highway near Chala on Tuesday.").sub_event_type \
        == "Peaceful protest"


def test_a_beating_or_a_raid_is_an_event_when_those_involved_are_named():
    assert classify_text("Traders who had refused to pay the new market levy were beaten by soldiers in the "
                         "town.").sub_event_type == "Attack"
    assert classify_text("Bandits raided two villages near Kaura Namoda overnight.").sub_event_type == "Attack"
    # blows that disperse a protest are an intervention; blows that kill or gravely hurt are excessive force
    assert classify_text("Riot police beat demonstrators who had gathered outside parliament.").sub_event_type \
        == "Protest with intervention"
    assert classify_text("Riot police beat demonstrators who had gathered outside parliament, leaving two of them "
                         "critically injured.").sub_event_type == "Excessive force against protesters"
    # a win, a habit, and who holds the ground are no incidents
    for text in ("Enyimba beat the Rangers 3-1 in the league on Sunday.",
                 "Bandits raid farming villages in the region every harvest.",
                 "The militants still control most of the villages around the port."):
        assert classify_text(text) is None, text


def test_an_explosion_that_kills_is_a_bombing_and_the_dead_are_its_toll():
    for text in ("Eight passengers died when a blast tore through a minibus on the road to the airport on Sunday.",
                 "Three soldiers were wounded by an explosion near their patrol vehicle.",
                 "Their pickup hit an explosive buried under the road, killing two policemen."):
        event = classify_text(text)
        assert event is not None and event.sub_event_type == "Remote explosive/landmine/IED", (text, event)


def test_an_aircraft_that_carries_or_watches_is_no_air_strike():
    for text in ("The wounded constables were taken to Kano by helicopter.",
                 "Two of the injured had been flown by helicopter to the regional hospital.",
                 "The ministry sent more surveillance aircraft to the border region on Monday.",
                 "Helicopters were seen over the town late on Friday."):
        event = classify_text(text)
        assert event is None or event.sub_event_type != "Air/drone strike", (text, event)
    for text in ("A helicopter opened fire on the rebel camp, killing five fighters.",
                 "Four villagers were killed by a military helicopter near the river.",
                 "Government aircraft pounded insurgent positions north of the town."):
        assert classify_text(text).sub_event_type == "Air/drone strike", text


def test_a_strike_that_killed_is_an_attack_by_the_means_named_around_it():
    assert classify_text("At least nine people were killed and 20 wounded in the strike, a medic "
                         "said.").sub_event_type == "Air/drone strike"
    doc = parse("A missile slammed into a block of flats on the edge of the city late on Monday. "
                "Seven residents were killed in the strike, the governor said.")
    assert classify_event(list(doc.sents)[1]).sub_event_type == "Shelling/artillery/missile attack"
    # a labour strike kills nobody and stays a protest
    assert classify_text("Dock workers went on strike over unpaid wages.").sub_event_type == "Peaceful protest"
    doc = parse("Bus drivers walked out on Monday to demand higher pay. Two of them were hurt in the strike.")
    event = classify_event(list(doc.sents)[1])
    assert event is None or event.event_type != "Explosions/Remote violence"


def test_who_reported_an_event_does_not_type_it():
    assert classify_text("Nine police officers were killed when gunmen overran their post on Friday night, a local "
                         "vigilante leader told reporters.").sub_event_type == "Armed clash"
    assert classify_text("Five farmers were shot dead in their fields, according to a spokesman for the protest "
                         "movement.").sub_event_type == "Attack"
    # a speaker named by the event's own word took part in it
    assert classify_text("Protesters said police fired tear gas to disperse them.").sub_event_type \
        == "Protest with intervention"


def test_a_conflicts_running_toll_is_background_not_an_incident():
    assert classify_text("Fighting between the two factions since 2021 has killed thousands of civilians.") is None
    assert classify_text("The conflict, which erupted in 2019, has killed thousands of people, creating what the "
                         "United Nations calls a catastrophe.") is None
    # days of fighting in one place are an incident that ACLED codes
    assert classify_text("Fighting in the market district has killed at least 14 people since Saturday, medics "
                         "said.").sub_event_type == "Armed clash"


def test_words_of_another_time_or_of_a_plan_lose_to_those_of_the_main_clause():
    assert classify_text("Gunmen attacked a police post near Gusau on Sunday, a month after soldiers were "
                         "redeployed from the area.").sub_event_type == "Armed clash"
    assert classify_text("Market women who had promised to march on the county headquarters were fired on by "
                         "police.").sub_event_type == "Attack"
    # with nothing in the main clause, the classifier still reads them; extract.py decides what they are
    assert classify_text("Shops stayed shut on Monday, a week after troops were redeployed to the "
                         "border.").sub_event_type == "Change to group/activity"


def test_property_burned_in_a_deadly_attack_or_by_a_strike_is_part_of_that_violence():
    # ACLED keeps property destruction for destruction without casualties or an attack on people
    assert classify_text("Armed men raided a hamlet near Mirebalais at dawn, killing six farmers and setting "
                         "their huts on fire.").sub_event_type == "Attack"
    event = classify_text("Two rockets hit an industrial quarter of the city overnight, damaging a warehouse and "
                          "setting fire to a row of parked lorries.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.rule.startswith("destruction-in-violence:")
    # with nobody hurt and no weapon that did it, burning is property destruction
    assert classify_text("Unknown men set fire to a primary school in the village overnight.").sub_event_type \
        == "Looting/property destruction"
    assert classify_text("Gunmen looted and torched a dozen shops in the market after an attack on a police "
                         "post.").sub_event_type == "Looting/property destruction"


def test_an_agreement_is_an_event_when_one_is_made_not_when_it_is_talked_of_or_put_off():
    for text in ("Negotiations between the government and the rebel movement were suspended in March.",
                 "Mediators discussed a prisoner exchange with both parties but did not reach a deal.",
                 "The two delegations met in Nairobi and agreed to meet again after the rainy season.",
                 "No ceasefire has been agreed so far, a diplomat said.",
                 "Envoys of the two governments talked about a truce for most of the night.",
                 "The rebel command did not agree to the ceasefire proposed by the bishops."):
        assert classify_text(text) is None, text
    for text in ("The army and the separatists agreed to a three-day truce so that aid convoys could pass.",
                 "Forty detainees were released on Friday under a prisoner exchange between the two sides.",
                 "Rebel commanders signed a peace deal with the government in the capital on Monday."):
        event = classify_text(text)
        assert event is not None and event.sub_event_type == "Agreement", (text, event)


def test_bombs_dropped_by_an_aircraft_are_an_air_strike():
    # the deliverer decides, not the charge
    for text in ("A military helicopter dropped three bombs on a market in the town, killing five.",
                 "The aircraft released two bombs over the camp shortly after noon.",
                 "Bombs dropped from an aircraft destroyed a school and a clinic in the village."):
        assert classify_text(text).sub_event_type == "Air/drone strike", text
    assert classify_text("A bomb hidden in a rubbish bin exploded at a bus stop, wounding four.").sub_event_type \
        == "Remote explosive/landmine/IED"


def test_a_pro_government_militia_is_an_armed_side():
    # members named by the militia's own word ("volunteers") or a militia named in the actor table are armed:
    # killing them is a clash, as killing soldiers is
    assert classify_text("Fighters stormed a position held by the Volunteers for the Defence of the Homeland near "
                         "Djibo, killing twelve volunteers and three civilians.").sub_event_type == "Armed clash"
    assert classify_text("Insurgents ambushed a patrol of local vigilantes near the river, killing seven of "
                         "them.").sub_event_type == "Armed clash"
    assert classify_text("Jihadists shot dead four vigilantes who were guarding the road.").rule.startswith(
        "violence-target:")


def test_a_gang_that_kills_people_commits_political_violence_not_a_crime():
    # ACLED codes gang attacks on people (Haiti) as violence against civilians or a clash
    assert classify_text("Members of an armed gang shot dead nine residents of the neighbourhood on "
                         "Saturday.").sub_event_type == "Attack"
    assert classify_text("Gangsters killed a bus driver and two passengers at a roadblock outside the "
                         "capital.").sub_event_type == "Attack"
    # a gang caught stealing is still crime
    assert classify_text("Police broke up a gang that had been stealing cars across the city.") is None


def test_a_gang_named_only_to_be_denied_makes_no_crime():
    # the operation is the event; the gang is mentioned to say the dead had nothing to do with one
    found = classify_text("Eleven bodies reached the morgue after Friday's military operation in the hills, and four of "
                          "the dead were farmers with no link to any gang, their relatives said.")
    assert found is not None and found.sub_event_type == "Armed clash"
    found = classify_text("Relatives said the five men shot by police on Sunday were not gang members.")
    assert found is not None and found.event_type != "Riots"
    # a gang that is there still counts
    assert classify_text("Police said the five men were members of a car-theft gang.") is None


def test_violent_words_naming_who_was_arrested_leave_the_arrest_the_event():
    # "kidnap suspects", "members of a kidnapping gang": whom the police held, not a kidnapping
    for text in ("Police arrested three kidnap suspects at a roadblock near Lokoja on Tuesday.",
                 "Detectives detained five members of a kidnapping ring in a raid on a farmhouse outside Zaria.",
                 "Soldiers arrested two suspected kidnappers in a forest near Birnin Gwari on Friday."):
        assert classify_text(text).sub_event_type == "Arrests", text
    # a gang named by the violence it does is an armed group, so its members' arrest is no police work on crime
    assert classify_text("Troops arrested seven members of a kidnapping gang near Birnin Gwari on Friday."
                         ).sub_event_type == "Arrests"
    # the same words as the doer still tell a kidnapping; a drug gang is still crime
    assert classify_text("A kidnapping gang seized eleven travellers on the road to Abuja."
                         ).sub_event_type == "Abduction/forced disappearance"
    assert classify_text("Police arrested five members of a drug gang in Kano on Monday.") is None


def test_the_arrest_of_a_gang_leader_is_the_arrest_of_a_notable_person_not_police_work_on_crime():
    assert classify_text("Police in Cap-Haitien detained a feared gang boss during a night raid on Thursday."
                         ).sub_event_type == "Arrests"
    assert classify_text("Officers arrested the head of a gang on the outskirts of Gonaives on Sunday."
                         ).sub_event_type == "Arrests"
    # What the held man's gang is accused of is no kidnapping of this sentence.
    event = classify_text("Jean Mathurin, the leader of a gang accused of kidnappings and extortion, was "
                          "detained in Mirebalais on Friday.")
    assert event is None or event.sub_event_type != "Abduction/forced disappearance"
    # The gang's members are still crime.
    assert classify_text("Police arrested five members of a car-theft gang in Kano on Monday.") is None


def test_people_who_were_hurt_are_not_a_mob_that_hurt_them():
    event = classify_text("Five residents were wounded, the district officer said.")
    assert event is None or event.sub_event_type != "Mob violence"


def test_a_road_blocked_by_people_who_bear_no_arms_is_a_protest():
    assert classify_text("Hundreds of cocoa farmers blocked the main road into Kumasi on Wednesday to demand "
                         "better prices.").sub_event_type == "Peaceful protest"
    assert classify_text("The highway to the port was blocked by hundreds of miners for most of the day."
                         ).sub_event_type == "Peaceful protest"
    # broken up, it is a protest with intervention, though no word says "protest"
    assert classify_text("Police fired tear gas to clear a crowd of traders who had barricaded a bridge in the "
                         "market town.").sub_event_type == "Protest with intervention"
    # troops or a landslide blocking a road make no protest
    assert classify_text("Soldiers blocked the highway north of the city for several hours.") is None
    assert classify_text("A landslide blocked the road to the border crossing on Sunday.") is None


def test_a_clause_that_names_the_source_by_an_incident_told_before_does_not_type_the_sentence():
    # "the union, which organised the strike, said": who spoke, not a new strike
    event = classify_text("The teachers' union, which organised the strike, said two of its members had died.")
    assert event is None or event.sub_event_type not in ("Peaceful protest", "Protest with intervention")
    # a clause that tells an act stays evidence
    assert classify_text("A spokesman for the group that attacked the base said 12 soldiers were killed."
                         ).sub_event_type == "Armed clash"


def test_people_seized_are_abducted_wherever_they_were_taken_from():
    assert classify_text("Bandits blocked the road and spent the night seizing people from their cars on the "
                         "highway.").sub_event_type == "Abduction/forced disappearance"


# words that begin like a lexicon stem but mean something else ("unit*" would read "United")
FALSE_FRIENDS = ["united", "unity", "based", "campaign", "carrying", "consultant", "guardian", "infantry", "crowded",
                 "neighbouring", "party", "particularly", "portion", "posted", "pointed", "defective", "several",
                 "shopian", "ganga"]


def test_prefix_globs_do_not_read_words_of_another_meaning():
    stems = {w.text for pattern in event_types.lexicon() for w in pattern.elements[0] if w.prefix}
    assert {(stem + "*", word) for stem in stems for word in FALSE_FRIENDS if word.startswith(stem)} == set()
    assert classify_text("Aid agencies said they would launch an appeal with the United Nations next week.") is None


def test_a_snippet_is_read_as_a_whole():
    text = ("Hundreds of traders rallied outside the municipal offices on Saturday. "
            "Riot police later used batons to break up the gathering.")
    assert classify_text(text).sub_event_type == "Protest with intervention"


def test_taxonomy_has_the_25_acled_types_and_5_other_case_classes():
    rows = taxonomy()
    assert sum(row.incident for row in rows) == 25 and sum(not row.incident for row in rows) == 5
    assert {row.event_type for row in rows if row.incident} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments"}
    assert mapping_for("Air/drone strike") == ("Explosions/Remote violence", "ASSAULT", "aerial", "19")
    assert mapping_for("Arrests") == ("Strategic developments", "COERCE", "arrest", "17")
    with pytest.raises(KeyError, match="not an ACLED sub_event_type"):
        mapping_for("Airstrike")


def test_case_labels_map_to_acled_or_to_nothing():
    assert case_label_to_acled("ART_MISS_ATTACK") == "Shelling/artillery/missile attack"
    assert case_label_to_acled("NON_STATE_ACTOR_OVERTAKES_TER") == "Non-state actor overtakes territory"
    for label in ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"):
        assert case_label_to_acled(label) is None
    with pytest.raises(KeyError):
        case_label_to_acled("EARTHQUAKE")


def test_every_lexicon_row_loads_and_a_bad_label_is_reported_with_its_line(tmp_path, monkeypatch):
    assert len(event_types.lexicon()) > 300
    bad = tmp_path / "triggers.tsv"
    bad.write_text("# comment\nshelling\tShelling\t3.0\n", encoding="utf-8")
    monkeypatch.setattr(event_types, "TRIGGERS_FILE", bad)
    event_types.lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"triggers.tsv:2: unknown label 'Shelling'"):
            event_types.lexicon()
    finally:
        monkeypatch.undo()
        event_types.lexicon.cache_clear()


# Words that two rows of equal weight both match ("recaptured": a row of lemmas and a row of past forms).
TIED = ["Government troops recaptured the district centre from the rebels on Sunday.",
        "Militia fighters seized two villages near the river overnight."]
RULES_OF = ("import sys\nfrom storyline.analyse.event_types import classify_text\n"
            "for text in sys.argv[1:]:\n    print(classify_text(text).rule)\n")


def test_of_tied_trigger_rows_the_first_in_the_lexicon_names_the_rule_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("1", "2", "6"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", RULES_OF, *TIED], capture_output=True, text=True, check=True,
                              env=environment)
        runs.append(done.stdout.splitlines())
    assert runs[0] == runs[1] == runs[2]
    for text, rule in zip(TIED, runs[0]):
        tokens = event_types._tokens_of(parse(text)[:])
        start = next(n for n, t in enumerate(tokens) if t.idx == classify_text(text).trigger.start)
        chosen = next(p for p in event_types.lexicon() if p.source == rule.split(":", 1)[1])
        tied = [p for p in event_types.lexicon() if (p.label, p.weight) == (chosen.label, chosen.weight)
                and event_types._match_at(p, tokens, start)]
        assert len(tied) > 1 and chosen == tied[0], text


def test_evaluate_case2021_scores_a_small_gold_file(tmp_path):
    gold = tmp_path / "gold.tsv"
    rows = [
        ("1", "A suicide bomber blew himself up near the checkpoint, killing four guards.", "SUIC_BOMB"),
        ("2", "Heavy rains caused floods that swept away two bridges.", "NATURAL_DISASTER"),
        ("3", "Police seized a cache of rifles and grenades in a raid on a farmhouse.", "DISR_WEAP"),
        ("4", "Several thousand nurses marched through the capital to demand better pay.", "PEACE_PROTEST"),
        ("5", "The two sides signed a truce after a week of talks.", "ARMED_CLASH"),  # deliberately wrong gold
    ]
    gold.write_text("id\tEventSnippet\tSubType\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    result = evaluate_case2021(gold)
    assert result["n"] == 5
    assert result["accuracy"] == pytest.approx(0.8)
    assert 0.0 < result["macro_f1"] < 1.0 and 0.0 < result["weighted_f1"] < 1.0
    assert result["snippets_per_s"] > 0
    detailed = evaluate_case2021(gold, details=True)
    assert detailed["confusions"] == [(("Armed clash", "Agreement"), 1)]
    assert detailed["per_class"]["not an incident"]["f1"] == 1.0


def test_evaluate_case2021_names_the_file_and_line_of_a_bad_row(tmp_path):
    gold = tmp_path / "bad.tsv"
    gold.write_text("id\tEventSnippet\tSubType\n1\tSomething happened.\tEXPLOSION\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:2: 'EXPLOSION' is not a CASE-2021 label"):
        evaluate_case2021(gold)


@pytest.mark.parametrize("sentence, label", [
    # a brawl is people of two groups fighting, and "killed in a mass brawl" names the brawl, not its victims
    ("Four people were killed and 11 injured in a mass brawl in the town on Saturday, police said.", "Mob violence"),
    # a knife in the list of what men were armed with, when they attacked police: a battle, not a stabbing
    ("A group of men armed with homemade guns, knives and petrol bombs attacked the headquarters of the commune "
     "police at night.", "Armed clash"),
    ("A man armed with a knife attacked shoppers in the market.", "Attack"),
    ("A man armed with a knife stabbed two pupils outside the school.", "Attack"),
    # men arrested as their weapons were seized are arrests, not a weapons seizure
    ("Police arrested six men hiding in a rented house in the city and seized two homemade guns and ammunition.",
     "Arrests"),
    ("Troops seized a cache of forty rifles and a mortar tube in the forest.", "Disrupted weapons use"),
])
def test_brawls_arms_and_arrests_with_seized_weapons(sentence, label):
    found = classify_event(next(parse(sentence).sents))
    assert found is not None and found.sub_event_type == label, found


def test_smugglers_arrested_with_a_seized_rifle_are_still_police_work_against_crime():
    sentence = ("Police arrested four men suspected of smuggling migrants in the town on Wednesday and seized an "
                "automatic rifle, ammunition and cash.")
    assert classify_event(next(parse(sentence).sents)) is None


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # a riot of inmates, or inside a prison, makes no demonstration
    ("More than a dozen inmates were killed when a riot and fire tore through the city prison late on Tuesday.",
     "Mob violence"),
    ("Inmates rioted at the central jail on Monday, setting mattresses alight.", "Mob violence"),
    ("Protesters rioted outside the prison on Monday demanding the release of the opposition leader.",
     "Violent demonstration"),
    # whoever came under fire suffered it
    ("A police patrol came under fire near the village on Sunday.", "Armed clash"),
    ("A wedding party came under attack from gunmen on Sunday.", "Attack"),
    ("The town came under shelling overnight.", "Shelling/artillery/missile attack"),
    # weapons people were armed with, beside an act of violence, still tell an attack
    ("Men armed with machetes attacked the village on Monday.", "Attack"),
    ("Soldiers bulldozed the homes of 40 families on Monday.", "Looting/property destruction"),
])
def test_custody_riots_fire_suffered_and_weapons_beside_acts(text, sub_event_type):
    event = classify_text(text)
    assert event is not None and event.sub_event_type == sub_event_type, (text, event)


@pytest.mark.parametrize("text", [
    # what people were armed with describes them; a bulldozer standing there demolishes nothing
    "Residents described scores of men armed with sticks, knives and pieces of pipe running through the streets.",
    "Men armed with knives and clubs were seen near the school on Saturday.",
])
def test_arms_carried_and_machines_present_are_no_incident(text):
    assert classify_text(text) is None, text


def test_a_bulldozer_standing_there_demolishes_nothing():
    # the human chain in front of it is a protest, not property destruction
    event = classify_text("Residents formed a human chain in front of two bulldozers sent by the city.")
    assert event is not None and event.sub_event_type == "Peaceful protest"


def test_tear_gas_or_rubber_bullets_fired_at_a_protest_are_an_intervention_not_lethal_force():
    for text in ("Police fired tear gas at protesters in Osh on Thursday.",
                 "Police fired rubber bullets at protesters in Osh on Thursday.",
                 "Soldiers fired at the marchers with rubber bullets."):
        assert classify_text(text).sub_event_type == "Protest with intervention", text
    for text in ("Police fired on protesters in Osh on Thursday.",
                 "Police fired live rounds at protesters in Osh on Thursday."):
        assert classify_text(text).sub_event_type == "Excessive force against protesters", text


def test_crowds_stoning_each_other_or_people_are_mob_violence():
    event = classify_text("Residents of two neighbouring villages pelted each other with stones on Sunday after a "
                          "quarrel over a water channel.")
    assert event is not None and event.sub_event_type == "Mob violence"
    # a crowd stoning people, with damage done beside it, is mob violence too; stones at cars alone are damage
    event = classify_text("The residents hurled stones at the officers and set a police car on fire, witnesses said.")
    assert event is not None and event.sub_event_type == "Mob violence"
    event = classify_text("Youths threw stones at passing cars and set fire to two shops in the market on Friday.")
    assert event is not None and event.sub_event_type == "Looting/property destruction"


def test_a_crowd_dispersed_or_a_human_chain_is_a_protest_without_the_word():
    event = classify_text("Police dispersed a crowd that had gathered outside the governor's office on Monday.")
    assert event is not None and event.sub_event_type == "Protest with intervention"
    event = classify_text("Activists formed a human chain around the parliament on Monday.")
    assert event is not None and event.sub_event_type == "Peaceful protest"
    # dispersing smoke or a traffic jam is no protest
    assert classify_text("Firefighters dispersed the smoke from the warehouse on Monday.") is None


def test_people_gathered_to_oppose_something_protest_and_a_gathering_broken_up_is_an_intervention():
    event = classify_text("Several hundred people assembled to oppose plans to shut two wards at the hospital.")
    assert event is not None and event.sub_event_type == "Peaceful protest"
    event = classify_text("Police used pepper spray to disperse a gathering outside the regional government building.")
    assert event is not None and event.sub_event_type == "Protest with intervention"
    # gathered for something that is not a demand: no protest
    assert classify_text("Elders gathered to call for calm after the killings.") is None
    assert classify_text("Relatives gathered to mourn the dead on Sunday.") is None


def test_a_shooting_at_a_bar_is_an_attack_on_civilians():
    event = classify_text("A man died after a shooting at a bar in the city centre late on Friday.")
    assert event is not None and event.sub_event_type == "Attack"


def test_sides_that_attacked_each_other_fought_and_a_fight_between_crowds_is_a_brawl():
    # a reciprocal attack is a fight of two sides, not an attack on civilians; crowds with a brawl's weapons brawl
    assert classify_text("Youths from the two villages attacked each other with machetes.").sub_event_type == \
        "Mob violence"
    assert classify_text("Soldiers and rebels attacked each other near the border.").sub_event_type == "Armed clash"
    # whoever reported it is not a side ("Reports reaching the Police"), and damage done while they fought is theirs
    assert classify_text("Reports reaching the Police indicate that groups armed with cutlasses, sticks and stones "
                         "attacked each other near the disputed site, during which a vehicle and a storage shed were "
                         "set ablaze.").sub_event_type == "Mob violence"
    # not damage done after the fighting
    assert classify_text("Hundreds of homes were looted and set on fire in the town after fighting on October 16."
                         ).sub_event_type == "Looting/property destruction"
    # a confrontation or a fight that broke out is an incident
    assert classify_text("A violent confrontation broke out between the two groups of soldiers.").sub_event_type == \
        "Armed clash"
    assert classify_text("A fight broke out between youths of the two villages.").sub_event_type == "Mob violence"


def test_fire_returned_makes_a_clash_of_rockets_fired_at_troops():
    assert classify_text("Militants fired rockets at a jeep, and troops returned fire.").sub_event_type == \
        "Armed clash"
    assert classify_text("Militants fired rockets at the town overnight.").sub_event_type == \
        "Shelling/artillery/missile attack"


def test_a_protester_struck_and_gravely_hurt_met_excessive_force():
    grave = ("A protester was in critical condition on Sunday after being struck in the head by a projectile fired by "
             "federal agents outside the processing center.")
    assert classify_text(grave).sub_event_type == "Excessive force against protesters"
    assert classify_text("A protester was struck by a stone during the march.").sub_event_type == "Peaceful protest"


def test_what_set_unrest_off_is_another_incident_not_the_sentences_own():
    text = ("Youths set fire to cars and threw stones at police in the town on Tuesday night, in unrest sparked by the "
            "death of a young man shot by an officer.")
    event = classify_text(text)
    assert event is not None and event.event_type != "Battles" and event.trigger.text != "shot"
    event = classify_text("Crowds burned tyres in the market on Friday in protests over the killing of two students.")
    assert event is not None and event.trigger.text != "killing"
    # harm caused by a weapon is the incident itself
    event = classify_text("Forty people were treated for asphyxia caused by the use of poisonous gas by militants.")
    assert event is not None and event.sub_event_type == "Chemical weapon"


def test_an_explosive_thrown_by_hand_is_a_grenade_attack_but_a_petrol_bomb_is_not():
    event = classify_text("A man hurled a homemade explosive device at a candidate's street speech on Sunday.")
    assert event is not None and event.sub_event_type == "Grenade"
    assert classify_text("A man threw a pipe bomb at the stage.").sub_event_type == "Grenade"
    assert classify_text("Protesters threw petrol bombs at police.").sub_event_type == "Violent demonstration"
    assert classify_text("Militants planted a homemade explosive device on the road.").sub_event_type == \
        "Remote explosive/landmine/IED"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # a beating by a crowd is mob violence; a lawmaker beaten is a civilian attacked
    ("Villagers in Kibuye beat a man they accused of stealing a goat.", "Mob violence"),
    ("A member of parliament was punched several times by a stranger outside a cafe on Friday.", "Attack"),
    # when the main clause decides nothing, the incident its other clause tells is the sentence's
    ("Police crowd control in the district has been questioned since 4 June, when a mob in Kasese beat a suspected "
     "burglar.",
     "Mob violence"),
    # a device made safe was a weapon disrupted, and "the blast comes days after" only places the blast in time
    ("Soldiers made safe a roadside bomb found under a culvert near Bunia on Tuesday.", "Disrupted weapons use"),
    ("The blast comes four days after police made safe a pipe bomb left outside a bank in Limassol.",
     "Disrupted weapons use"),
    # a blockade met with crowd control was a crowd's; what was cleared is the blockade, not the bullets fired
    ("Six traders were hurt when riot police fired rubber bullets to clear a road blockade outside the market.",
     "Protest with intervention"),
    ("Police broke up a gathering of about fifty mothers outside the town hall on Monday.",
     "Protest with intervention"),
    # protesters held days later at their lodgings were arrested, not dispersed
    ("Three days later, police detained twenty of the protesters at their workers' hostel in Ruwi.", "Arrests"),
])
def test_beatings_devices_made_safe_blockades_cleared_and_arrests_away_from_the_protest(text, sub_event_type):
    event = classify_text(text)
    assert event is not None and event.sub_event_type == sub_event_type, (text, event)


def test_a_rally_mourning_protesters_killed_last_month_is_peaceful():
    # the people killed "in an attack" are its targets; but protesters killed last month are mourned, not shot today
    kind = classify_text("Thousands of teachers rallied in the capital on Sunday to mourn six demonstrators killed "
                         "last month in a police raid on a sit-in, organisers said.")
    assert kind.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # whom the blockade's people follow is not who they are, and clearing it is the police's intervention
    ("At least 20 people were injured on Tuesday when police moved to clear a blockade set up by supporters of former "
     "president Evo Morales on the highway.", "Protest with intervention"),
    ("Supporters of the opposition leader blocked the highway to the airport for six hours on Monday.",
     "Peaceful protest"),
])
def test_a_blockade_by_a_leaders_supporters_is_their_protest_and_clearing_it_an_intervention(text, sub_event_type):
    event = classify_text(text)
    assert event is not None and event.sub_event_type == sub_event_type, (text, event)
    # soldiers' blockade is no protest, whoever commands them
    assert classify_text("Police moved to clear a blockade set up by soldiers loyal to the former president.") is None


@pytest.mark.parametrize(("text", "sub_event_type"), [
    # gunmen named as one side of the fighting are fighters, not a sign of an attack on civilians
    ("At least four people died in overnight fighting between government security units and local gunmen in the "
     "western countryside of Daraa province.", "Armed clash"),
    # gunmen who killed villagers attacked them
    ("Gunmen killed four villagers in Daraa province on Sunday.", "Attack"),
])
def test_gunmen_on_one_side_of_the_fighting_are_a_side_of_a_battle(text, sub_event_type):
    event = classify_text(text)
    assert event is not None and event.sub_event_type == sub_event_type, (text, event)


def test_a_participle_takes_the_doers_of_the_verbs_it_hangs_on_and_people_who_disperse_go_home():
    # the youths set fire and threw stones, "injuring three of them": the crowd's violence, no battle
    found = classify_text("Groups of youths set fire to two cars and threw stones at gendarmes in the town late on "
                          "Friday, injuring three of them.")
    assert found.sub_event_type == "Mob violence"
    # "before dispersing": the traders went home; "dispersed the protesters" or "were dispersed": broken up
    found = classify_text("Several hundred traders held a peaceful protest outside the press club, chanting slogans, "
                          "before dispersing in the afternoon.")
    assert found.sub_event_type == "Peaceful protest"
    assert classify_text("The marchers dispersed peacefully after an hour.").sub_event_type == "Peaceful protest"
    for text in ("Police dispersed the protesters with tear gas.", "The protesters were dispersed by police."):
        assert classify_text(text).sub_event_type == "Protest with intervention", text


def test_a_football_crowd_fighting_the_police_riots():
    # supporters who fight each other and the police: rioters, whatever the police are armed with
    found = classify_text("Nine people were hurt when rival supporters fought each other and the police outside the "
                          "stadium after the cup final.")
    assert found.sub_event_type == "Mob violence"
    # a sports crowd against the police demonstrates nothing; political supporters against the police do
    found = classify_text("Twelve people were hurt in fighting between football supporters and police near the "
                          "railway station.")
    assert found.sub_event_type == "Mob violence"
    found = classify_text("Twelve people were hurt in running battles between police and young opposition "
                          "supporters near the railway station.")
    assert found.sub_event_type == "Violent demonstration"


def test_villagers_who_fight_armed_raiders_are_no_mob():
    found = classify_text("Villagers fought with gunmen who raided their village before dawn, leaving two dead.")
    assert found.sub_event_type != "Mob violence"
    # villagers who beat a man are
    found = classify_text("Villagers beat a suspected cattle thief to death before dawn.")
    assert found.sub_event_type == "Mob violence"


def test_what_befell_a_victim_before_is_no_part_of_the_incident():
    # the relative clause says who the victim was: his kin's abduction last year, his own in 2023
    for text in ("Gunmen killed a farmer whose son was abducted last year near his home in Kuje on Monday.",
                 "Gunmen shot dead a trader who was kidnapped in 2023 and later freed, police said.",
                 "Gunmen killed a teacher who was kidnapped two years ago."):
        assert classify_text(text).sub_event_type == "Attack", text
    # the same clause at the incident's own time is part of it
    found = classify_text("Bandits abducted two men who were working on a farm near Kuje on Sunday.")
    assert found.sub_event_type == "Abduction/forced disappearance"


def test_armies_that_traded_fire_clashed_and_a_news_round_up_arrests_no_one():
    found = classify_text("Afghan and Pakistani troops traded heavy fire at the crossing on Tuesday, leaving three "
                          "border guards dead.")
    assert found.sub_event_type == "Armed clash"
    assert classify_text("The two sides traded accusations over who had fired first.") is None
    assert classify_text("Our round-up of security incidents in the country, covering 14 to 21 November.") is None
    assert classify_text("Police rounded up 40 suspects in Kano on Monday.").sub_event_type == "Arrests"


def test_killing_in_fighting_is_a_clash_and_accusations_over_who_fired_are_no_exchange_of_fire():
    found = classify_text("Clan gunmen armed with automatic rifles killed seven people on Friday in fighting near "
                          "Mendi, police said.")
    assert found.sub_event_type == "Armed clash"
    assert classify_text("Gunmen killed seven villagers in an attack near Mendi on Friday."
                         ).sub_event_type == "Attack"
    assert classify_text("The two armies exchanged accusations over who had fired first at the post.") is None
    assert classify_text("Troops and rebels exchanged heavy machine-gun fire near the post on Friday."
                         ).sub_event_type == "Armed clash"


def test_tear_gas_fired_into_a_crowd_and_a_march_that_descended_into_attacks_on_police():
    found = classify_text("When the traders refused, officers fired tear gas into the crowd.")
    assert found.sub_event_type == "Protest with intervention"
    assert classify_text("Police fired tear gas on Friday.") is None  # at no one named
    found = classify_text("Two people died after an unlawful procession by market traders against a new levy "
                          "descended into attacks on police in the business district.")
    assert found.sub_event_type == "Violent demonstration"
    assert classify_text("The meeting descended into chaos.") is None


def test_an_agreement_named_by_its_year_is_no_agreement_made_now():
    assert classify_text("Government and armed group representatives are due to meet in Luanda in December to review "
                         "the 2019 peace agreement.") is None
    assert classify_text("The government and the rebels signed a peace agreement in Luanda on Monday."
                         ).sub_event_type == "Agreement"


def test_riot_units_are_the_forces_sent_against_a_crowd_and_markers_pulled_out_are_no_withdrawal():
    found = classify_text("When the tenants refused to leave, riot units pushed through the crowd outside the block.")
    assert found is None or found.event_type != "Riots"
    found = classify_text("Youths pulled out the markers and threw stones at police who came to reopen the road.")
    assert found is not None and found.event_type == "Riots"
    found = classify_text("Troops pulled out of the town on Monday.")
    assert found is not None and found.sub_event_type == "Change to group/activity"
