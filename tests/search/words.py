"""Words every search engine must treat alike (tests/search/test_words.py): forms of the
same word next to each other (plurals, diminutives, adjectives, verbs), and compounds
with their parts. No stop words: no engine searches for those."""

DUTCH = """
tuin tuinen tuintje tuintjes buurttuin buurttuinen moestuin speeltuin speeltuinen
speeltuinvereniging vereniging verenigingen
groen groene groener groenste vergroenen vergroening
dak daken dakje dakterras dakterrassen groendak
fiets fietsen fietsje fietser fietsers fietspad fietspaden fietsenstalling
fietsenstallingen buurtfietsenstalling stalling stallingen
huis huizen huisje huisjes buurthuis buurthuizen woning woningen woningbouw
straat straten straatje straatfeest straatfeesten buurt buurten buurtje bewoner
bewoners bewonersavond bewonersavonden avond avonden
boom bomen boompje boompjes bomenrij
kind kinderen kindje kinderboerderij speelplaats speelplaatsen
school scholen schooltje schoolplein schoolpleinen plein pleinen pleintje
water wateren regenwater wateroverlast overlast
park parken parkje stadspark wijk wijken wijkje wijkcentrum wijkagent
gemeente gemeenten gemeentes gemeenteraad raad raden
plan plannen plannetje bouwplannen bouw bouwen gebouwd
mooi mooie mooier mooiste schoon schone schoner schoonste
veilig veilige veiliger veiligheid verkeersveiligheid verkeer
groot grote groter grootste klein kleine kleiner kleinste
oud oude ouder oudste ouderen nieuw nieuwe nieuwer nieuwste
energie zonnepaneel zonnepanelen duurzaam duurzame duurzaamheid
taal taalcafé café cafés koffie koffiepunt
voedsel voedselbank bank banken bankje bankjes
jongeren jongerenwerk werk werken werkt werkte gewerkt
initiatief initiatieven initiatiefnemer initiatiefnemers
vrijwilliger vrijwilligers vrijwilligerswerk hulp helpen helpt hielp geholpen
lopen loopt liep gelopen wandelen wandeling wandelingen
burger burgers burgerbegroting begroting begrotingen
haven havens kanaal kanalen kanaalzone zone zones
informatie informatieavond bijeenkomst bijeenkomsten
eenzaam eenzame eenzaamheid samen samenwerking samenwerken
hond honden hondje hondenuitlaatplaats
markt markten marktje weekmarkt
""".split()

ENGLISH = """
garden gardens gardening gardener gardeners community communities
green greener greenest greenery roof roofs rooftop rooftops
bike bikes biking cyclist cyclists bicycle bicycles parking park parks
house houses housing home homes homeless neighbour neighbours neighbourhood
neighbourhoods street streets streetlight streetlights resident residents
tree trees planting planted plants plant child children childhood
school schools schoolyard schoolyards playground playgrounds play playing played
water waters rainwater flooding flood floods
council councils councillor councillors city cities citizen citizens
plan plans planning planned planner build building buildings built builder
beautiful beauty clean cleaner cleanest cleaning cleaned
safe safer safest safety traffic road roads roadworks
big bigger biggest small smaller smallest old older oldest elderly
new newer newest energy solar panel panels sustainable sustainability
language languages cafe cafes coffee food foodbank bank banks bench benches
young youth work works worked working worker workers
initiative initiatives volunteer volunteers volunteering help helps helped helping
walk walks walked walking meeting meetings meet
budget budgets harbour harbours canal canals zone zones
information evening evenings lonely loneliness together cooperation
dog dogs market markets weekly festival festivals event events
library libraries sport sports football pitch pitches stage stages field fields
health healthy care carer carers support supported supporting
idea ideas decision decisions decided feedback project projects
""".split()
