# Python's string module.

# %% string constants
import string
(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
# > ('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
# >  'abcdefghijklmnopqrstuvwxyz',
# >  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
# >  '0123456789',
# >  '0123456789abcdefABCDEF',
# >  '01234567')

# %% string punctuation whitespace printable
import string
(string.punctuation, string.whitespace, string.printable, len(string.printable))
# > ('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
# >  ' \t\n\r\x0b\x0c',
# >  '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c',
# >  100)

# %% string constants as character sets
import string
password = "Hello, World 42!"
(len([c for c in password if c in string.punctuation]), [c for c in password if c in string.digits], "".join(c for c in password.lower() if c in string.ascii_lowercase))
# > (2, ['4', '2'], 'helloworld')

# %% string capwords
import string
(string.capwords("hello   world  from burst"), string.capwords(" the QUICK brown fox "), string.capwords("a-b-c", "-"), string.capwords("x,y", sep=","), string.capwords(""))
# > ('Hello World From Burst', 'The Quick Brown Fox', 'A-B-C', 'X,Y', '')

# %% string Template substitute
from string import Template
t = Template("$who likes $what")
(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann", "what": 3}), t.substitute({"who": "x", "what": "y"}, what="z"), t.template)
# > ('tim likes kung pao', 'ann likes 3', 'x likes z', '$who likes $what')

# %% string Template braces and dollars
from string import Template
Template("${noun}ification costs $$${price}, ${noun}s").substitute(noun="burst", price=9.5)
# > 'burstification costs $9.5, bursts'

# %% string Template safe_substitute
from string import Template
(Template("$a and $b").safe_substitute(a=1), Template("${a} and ${b} and $").safe_substitute(a=1), Template("$1").safe_substitute())
# > ('1 and $b', '1 and ${b} and $', '$1')

# %% string Template identifiers
from string import Template
(Template("$a ${b} $$ $a $_c1").get_identifiers(), Template("$a $b").is_valid(), Template("$a $1").is_valid())
# > (['a', 'b', '_c1'], True, False)

# %% string Template missing key
from string import Template
Template("$a $b").substitute(a=1)
# > KeyError: 'b'
# > @ line 2

# %% string Template invalid placeholder
from string import Template
Template("cost: $ 5").substitute()
# > ValueError: Invalid placeholder in string: line 1, col 7
# > @ line 2

# %% string Template invalid placeholder on a later line
from string import Template
Template("line one\nand ${bad").substitute(bad=1)
# > ValueError: Invalid placeholder in string: line 2, col 5
# > @ line 2

# %% string Template mapping that is not one
from string import Template
Template("$a").substitute(1)
# > TypeError: 'int' object is not subscriptable
# > @ line 2
