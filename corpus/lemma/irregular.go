package lemma

import "strings"

// irregularVerbs lists English irregular verbs, one a line: the base form,
// the past tense and the past participle, alternatives separated by "/".
// It covers the forms EWT train never saw; the EWT tables come first, so an
// entry here changes nothing EWT settles. Verbs whose past forms are also
// the base of another verb keep only the irregular reading ("found" is the
// past of find: "founded" is regular).
const irregularVerbs = `
arise arose arisen
awake awoke awoken
be was/were been
bear bore born/borne
beat beat beaten/beat
become became become
befall befell befallen
beget begot begotten
begin began begun
behold beheld beheld
bend bent bent
beseech besought/beseeched besought/beseeched
bet bet bet
bid bid/bade bid/bidden
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade/forbad forbidden
forecast forecast forecast
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got got/gotten
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
knit knit knit
know knew known
lay laid laid
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mow mowed mown
pay paid paid
plead pled pled
prove proved proven
put put put
quit quit quit
read read read
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
saw sawed sawn
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn
shake shook shaken
shear sheared shorn
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank/shrunk shrunk/shrunken
shut shut shut
sing sang sung
sink sank sunk/sunken
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slink slunk slunk
slit slit slit
smite smote smitten
sow sowed sown
speak spoke spoken
speed sped sped
spell spelt spelt
spend spent spent
spill spilt spilt
spin spun spun
spit spat spat
split split split
spoil spoilt spoilt
spread spread spread
spring sprang/sprung sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank/stunk stunk
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
understand understood understood
undergo underwent undergone
wake woke woken
wear wore worn
weave wove woven
wed wed wed
weep wept wept
wet wet wet
win won won
wind wound wound
wring wrung wrung
write wrote written
`

// irregularPrefixes are the prefixes stripped from a word whose remainder is
// an irregular past form: "overran" is over + ran, so overrun.
var irregularPrefixes = []string{"re", "over", "under", "out", "with", "mis", "fore", "up", "down", "co", "pre", "un"}

// unVerbs are the bases un- makes a verb of ("undid" → undo); with the rest
// un- makes adjectives ("unseen"), not taken for un + verb here.
var unVerbs = map[string]bool{"do": true, "wind": true, "bind": true, "bend": true, "freeze": true, "make": true, "sling": true, "stick": true}

// notPrefixed are words that look like a prefix and an irregular form but
// are verbs (or nouns) of their own: present is not pre + send.
var notPrefixed = map[string]bool{
	"present": true, "resent": true, "relent": true, "rebound": true,
	"relay": true, "overlay": true, "outlay": true, "upshot": true,
	"outlet": true, "outset": true, "outcast": true, "downcast": true,
	"reborn": true, "outbound": true, "upbound": true, "underground": true,
	"overground": true,
}

// doubled are regular verb forms whose final consonant is doubled where the
// EWT suffix rules expect a double one in the base ("passed" → "pass" but
// "gassed" → "gas").
var doubled = map[string]string{
	"gassed": "gas", "gassing": "gas", "gasses": "gas",
	"bussed": "bus", "bussing": "bus", "busses": "bus",
	"focussed": "focus", "focussing": "focus",
	"nonplussed": "nonplus",
}

// irregularPast maps each past tense and past participle in irregularVerbs
// to its base; participles holds the past participles.
var irregularPast, participles = func() (map[string]string, map[string]bool) {
	m, pp := map[string]string{}, map[string]bool{}
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		for i, forms := range f[1:] {
			for _, form := range strings.Split(forms, "/") {
				m[form] = f[0]
				if i == 1 {
					pp[form] = true
				}
			}
		}
	}
	return m, pp
}()

// irregular returns the base of key, a lower-case past tense or past
// participle with Penn Treebank tag, from irregularVerbs, itself or after a
// prefix. A VBD or VBN may be any form. The tagger calls some prefixed forms
// it does not know VBP, VB or JJ ("they rebuilt", "the city underwent"): a
// prefixed form with those tags counts too, as a JJ only when it is a past
// tense and no participle, which could be an adjective ("overgrown").
func irregular(key, tag string) (string, bool) {
	verb := tag == "VBD" || (tag == "VBN" && key != "broke") // "went broke"
	if !verb && tag != "VBP" && tag != "VB" && tag != "JJ" {
		return "", false
	}
	if base, ok := irregularPast[key]; ok && verb {
		return base, true
	}
	if notPrefixed[key] {
		return "", false
	}
	for _, p := range irregularPrefixes {
		rest, ok := strings.CutPrefix(key, p)
		if !ok || len(rest) < 3 {
			continue
		}
		base, ok := irregularPast[rest]
		if !ok || (p == "un" && !unVerbs[base]) || (tag == "JJ" && participles[rest]) {
			continue
		}
		return p + base, true
	}
	return "", false
}
