# The .str accessor (see gen.py).

# %% Series.str.lower pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.lower()
# > 0         alice
# > 1            bob
# > 2    carol smith
# > 3           dave
# > 4      eve-marie
# > 5          frank
# > Name: name, dtype: object

# %% Series.str.lower dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.str.lower().compute()
# > 0    aa
# > 1    ua
# > 2    aa
# > 3    dl
# > 4    ua
# > 5    dl
# > 6    aa
# > 0    wn
# > 1    aa
# > 2    ua
# > 3    wn
# > 4    dl
# > 5    b6
# > 0    b6
# > 1    as
# > 2    ua
# > 3    aa
# > 4    wn
# > 5    as
# > 6    dl
# > Name: Carrier, dtype: object

# %% Series.str.upper pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.upper()
# > 0    NEW YORK
# > 1      BOSTON
# > 2    NEW YORK
# > 3     CHICAGO
# > 4      BOSTON
# > 5     CHICAGO
# > Name: city, dtype: object

# %% Series.str.upper dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.city.str.upper().compute()
# > 0    NEW YORK
# > 1      BOSTON
# > 2    NEW YORK
# > 3     CHICAGO
# > 4      BOSTON
# > 5     CHICAGO
# > Name: city, dtype: object

# %% Series.str.strip pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.strip()
# > 0          Alice
# > 1            BOB
# > 2    carol smith
# > 3           Dave
# > 4      Eve-Marie
# > 5          frank
# > Name: name, dtype: object

# %% Series.str.strip pandas chars
import pandas as pd
s = pd.Series(['--a--', '-b', 'c-'])
s.str.strip('-')
# > 0    a
# > 1    b
# > 2    c
# > dtype: object

# %% Series.str.lstrip pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.lstrip()
# > 0         Alice
# > 1            BOB
# > 2    carol smith
# > 3           Dave
# > 4      Eve-Marie
# > 5          frank
# > Name: name, dtype: object

# %% Series.str.rstrip pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.rstrip()
# > 0          Alice
# > 1            BOB
# > 2    carol smith
# > 3           Dave
# > 4      Eve-Marie
# > 5          frank
# > Name: name, dtype: object

# %% Series.str.title pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.title()
# > 0    New York
# > 1      Boston
# > 2    New York
# > 3     Chicago
# > 4      Boston
# > 5     Chicago
# > Name: city, dtype: object

# %% Series.str.title dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.name.str.strip().str.title().compute()
# > 0          Alice
# > 1            Bob
# > 2    Carol Smith
# > 3           Dave
# > 4      Eve-Marie
# > 5          Frank
# > Name: name, dtype: object

# %% Series.str.capitalize pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.strip().str.capitalize()
# > 0          Alice
# > 1            Bob
# > 2    Carol smith
# > 3           Dave
# > 4      Eve-marie
# > 5          Frank
# > Name: name, dtype: object

# %% Series.str.swapcase pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.swapcase()
# > 0         aLICE
# > 1            bob
# > 2    CAROL SMITH
# > 3           dAVE
# > 4      eVE-mARIE
# > 5          FRANK
# > Name: name, dtype: object

# %% Series.str.len pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.len()
# > 0     7
# > 1     3
# > 2    11
# > 3     4
# > 4     9
# > 5     5
# > Name: name, dtype: int64

# %% Series.str.len pandas missing
import pandas as pd
df = pd.read_csv('people.csv')
df['team'].str.len()
# > 0    3.0
# > 1    4.0
# > 2    3.0
# > 3    5.0
# > 4    4.0
# > 5    NaN
# > Name: team, dtype: float64

# %% Series.str.len dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Dest.str.len().sum().compute()
# > 60

# %% Series.str.contains pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.contains('o')
# > 0    True
# > 1    True
# > 2    True
# > 3    True
# > 4    True
# > 5    True
# > Name: city, dtype: bool

# %% Series.str.contains pandas case
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.contains('new york', case=False)
# > 0     True
# > 1    False
# > 2     True
# > 3    False
# > 4    False
# > 5    False
# > Name: city, dtype: bool

# %% Series.str.contains pandas regex
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.contains(r'^[A-Z]', regex=True)
# > 0    False
# > 1     True
# > 2    False
# > 3     True
# > 4     True
# > 5    False
# > Name: name, dtype: bool

# %% Series.str.contains pandas na
import pandas as pd
df = pd.read_csv('people.csv')
df['team'].str.contains('re', na=False)
# > 0     True
# > 1    False
# > 2     True
# > 3     True
# > 4    False
# > 5    False
# > Name: team, dtype: bool

# %% Series.str.contains pandas no regex
import pandas as pd
s = pd.Series(['a.b', 'ab', 'a-b'])
s.str.contains('.', regex=False)
# > 0     True
# > 1    False
# > 2    False
# > dtype: bool

# %% Series.str.contains dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[df.Dest.str.contains('A')].Dest.compute()
# > 0    LAX
# > 2    ATL
# > 3    ATL
# > 4    LAX
# > 1    LAX
# > 3    ATL
# > 4    SEA
# > 4    LGA
# > 5    SEA
# > 6    LGA
# > Name: Dest, dtype: object

# %% Series.str.startswith pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].str.startswith('J')
# > 0     True
# > 1    False
# > 2    False
# > 3     True
# > 4    False
# > 5    False
# > 6     True
# > Name: Origin, dtype: bool

# %% Series.str.startswith dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Origin.str.startswith('L').sum().compute()
# > 5

# %% Series.str.endswith pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Dest'].str.endswith('X')
# > 0     True
# > 1    False
# > 2    False
# > 3    False
# > 4     True
# > 5    False
# > 6    False
# > Name: Dest, dtype: bool

# %% Series.str.replace pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.replace(' ', '_')
# > 0    New_York
# > 1      Boston
# > 2    new_york
# > 3     Chicago
# > 4      boston
# > 5     Chicago
# > Name: city, dtype: object

# %% Series.str.replace pandas regex
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.replace(r'[aeiou]', '*', regex=True)
# > 0         Al*c*
# > 1            BOB
# > 2    c*r*l sm*th
# > 3           D*v*
# > 4      Ev*-M*r**
# > 5          fr*nk
# > Name: name, dtype: object

# %% Series.str.replace pandas literal
import pandas as pd
s = pd.Series(['a.b', 'c.d'])
s.str.replace('.', '-', regex=False)
# > 0    a-b
# > 1    c-d
# > dtype: object

# %% Series.str.replace dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.city.str.replace('new', 'New').compute()
# > 0    New York
# > 1      Boston
# > 2    New york
# > 3     Chicago
# > 4      boston
# > 5     Chicago
# > Name: city, dtype: object

# %% Series.str.split pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.split('-')
# > 0    [2018, 03, 15]
# > 1    [2017, 11, 02]
# > 2    [2020, 07, 30]
# > 3    [2019, 01, 09]
# > 4    [2016, 05, 21]
# > 5    [2021, 12, 01]
# > Name: joined, dtype: object

# %% Series.str.split pandas expand
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.split('-', expand=True)
# >       0   1   2
# > 0  2018  03  15
# > 1  2017  11  02
# > 2  2020  07  30
# > 3  2019  01  09
# > 4  2016  05  21
# > 5  2021  12  01

# %% Series.str.split dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Date.str.split('-').compute()
# > 0    [2019, 01, 01]
# > 1    [2019, 01, 01]
# > 2    [2019, 01, 02]
# > 3    [2019, 01, 02]
# > 4    [2019, 01, 03]
# > 5    [2019, 01, 03]
# > 6    [2019, 01, 04]
# > 0    [2019, 01, 05]
# > 1    [2019, 01, 05]
# > 2    [2019, 01, 06]
# > 3    [2019, 01, 06]
# > 4    [2019, 01, 07]
# > 5    [2019, 01, 07]
# > 0    [2019, 01, 08]
# > 1    [2019, 01, 08]
# > 2    [2019, 01, 09]
# > 3    [2019, 01, 09]
# > 4    [2019, 01, 10]
# > 5    [2019, 01, 10]
# > 6    [2019, 01, 11]
# > Name: Date, dtype: object

# %% Series.str.get pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.split('-').str.get(0)
# > 0    2018
# > 1    2017
# > 2    2020
# > 3    2019
# > 4    2016
# > 5    2021
# > Name: joined, dtype: object

# %% Series.str.get pandas index
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.split('-').str[1]
# > 0    03
# > 1    11
# > 2    07
# > 3    01
# > 4    05
# > 5    12
# > Name: joined, dtype: object

# %% Series.str.get pandas char
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str[0]
# > 0    A
# > 1    U
# > 2    A
# > 3    D
# > 4    U
# > 5    D
# > 6    A
# > Name: Carrier, dtype: object

# %% Series.str.slice pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Date'].str.slice(0, 7)
# > 0    2019-01
# > 1    2019-01
# > 2    2019-01
# > 3    2019-01
# > 4    2019-01
# > 5    2019-01
# > 6    2019-01
# > Name: Date, dtype: object

# %% Series.str.slice pandas bracket
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Date'].str[5:]
# > 0    01-01
# > 1    01-01
# > 2    01-02
# > 3    01-02
# > 4    01-03
# > 5    01-03
# > 6    01-04
# > Name: Date, dtype: object

# %% Series.str.slice dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Date.str.slice(5, 7).compute()
# > 0    01
# > 1    01
# > 2    01
# > 3    01
# > 4    01
# > 5    01
# > 6    01
# > 0    01
# > 1    01
# > 2    01
# > 3    01
# > 4    01
# > 5    01
# > 0    01
# > 1    01
# > 2    01
# > 3    01
# > 4    01
# > 5    01
# > 6    01
# > Name: Date, dtype: object

# %% Series.str.cat pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Origin'].str.cat(df['Dest'], sep='-')
# > 0    JFK-LAX
# > 1    EWR-ORD
# > 2    LGA-ATL
# > 3    JFK-ATL
# > 4    EWR-LAX
# > 5    LGA-ORD
# > 6    JFK-ORD
# > Name: Origin, dtype: object

# %% Series.str.cat pandas all
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.cat(sep=',')
# > 'AA,UA,AA,DL,UA,DL,AA'

# %% Series.str.find pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.find('o')
# > 0    5
# > 1    1
# > 2    5
# > 3    6
# > 4    1
# > 5    6
# > Name: city, dtype: int64

# %% Series.str.count pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.count('a')
# > 0    0
# > 1    0
# > 2    1
# > 3    1
# > 4    1
# > 5    1
# > Name: name, dtype: int64

# %% Series.str.pad pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.pad(5, fillchar='*')
# > 0    ***AA
# > 1    ***UA
# > 2    ***AA
# > 3    ***DL
# > 4    ***UA
# > 5    ***DL
# > 6    ***AA
# > Name: Carrier, dtype: object

# %% Series.str.pad pandas side
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.pad(4, side='right', fillchar='.')
# > 0    AA..
# > 1    UA..
# > 2    AA..
# > 3    DL..
# > 4    UA..
# > 5    DL..
# > 6    AA..
# > Name: Carrier, dtype: object

# %% Series.str.zfill pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Distance'].astype(str).str.zfill(6)
# > 0    002475
# > 1    000719
# > 2    000762
# > 3    000760
# > 4    002454
# > 5    000733
# > 6    000740
# > Name: Distance, dtype: object

# %% Series.str.zfill dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Distance.astype(str).str.zfill(5).compute()
# > 0    02475
# > 1    00719
# > 2    00762
# > 3    00760
# > 4    02454
# > 5    00733
# > 6    00740
# > 0    00725
# > 1    02475
# > 2    02565
# > 3    00762
# > 4    02422
# > 5    00187
# > 0    00187
# > 1    02422
# > 2    02565
# > 3    02475
# > 4    00725
# > 5    00679
# > 6    00762
# > Name: Distance, dtype: object

# %% Series.str.center pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.center(6, '*')
# > 0    **AA**
# > 1    **UA**
# > 2    **AA**
# > 3    **DL**
# > 4    **UA**
# > 5    **DL**
# > 6    **AA**
# > Name: Carrier, dtype: object

# %% Series.str.isdigit pandas
import pandas as pd
s = pd.Series(['123', 'abc', '4a', ''])
s.str.isdigit()
# > 0     True
# > 1    False
# > 2    False
# > 3    False
# > dtype: bool

# %% Series.str.isalpha pandas
import pandas as pd
s = pd.Series(['123', 'abc', '4a', ''])
s.str.isalpha()
# > 0    False
# > 1     True
# > 2    False
# > 3    False
# > dtype: bool

# %% Series.str.isnumeric pandas
import pandas as pd
s = pd.Series(['123', '1.5', 'x'])
s.str.isnumeric()
# > 0     True
# > 1    False
# > 2    False
# > dtype: bool

# %% Series.str.isupper pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.isupper()
# > 0    False
# > 1     True
# > 2    False
# > 3    False
# > 4    False
# > 5    False
# > Name: name, dtype: bool

# %% Series.str.islower pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.islower()
# > 0    False
# > 1    False
# > 2     True
# > 3    False
# > 4    False
# > 5     True
# > Name: name, dtype: bool

# %% Series.str.extract pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.extract(r'(\d+)-(\d+)')
# >       0   1
# > 0  2018  03
# > 1  2017  11
# > 2  2020  07
# > 3  2019  01
# > 4  2016  05
# > 5  2021  12

# %% Series.str.extract pandas one group
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.extract(r'^(\d{4})', expand=False)
# > 0    2018
# > 1    2017
# > 2    2020
# > 3    2019
# > 4    2016
# > 5    2021
# > Name: joined, dtype: object

# %% Series.str.repeat pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.repeat(2)
# > 0    AAAA
# > 1    UAUA
# > 2    AAAA
# > 3    DLDL
# > 4    UAUA
# > 5    DLDL
# > 6    AAAA
# > Name: Carrier, dtype: object

# %% Series.str.join pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['joined'].str.split('-').str.join('/')
# > 0    2018/03/15
# > 1    2017/11/02
# > 2    2020/07/30
# > 3    2019/01/09
# > 4    2016/05/21
# > 5    2021/12/01
# > Name: joined, dtype: object

# %% Series.str.match pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.match('[Nn]ew')
# > 0     True
# > 1    False
# > 2     True
# > 3    False
# > 4    False
# > 5    False
# > Name: city, dtype: bool

# %% Series.str.findall pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['name'].str.findall('[aeiou]')
# > 0          [i, e]
# > 1              []
# > 2       [a, o, i]
# > 3          [a, e]
# > 4    [e, a, i, e]
# > 5             [a]
# > Name: name, dtype: object

# %% Series.str.ljust pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.ljust(4, '-')
# > 0    AA--
# > 1    UA--
# > 2    AA--
# > 3    DL--
# > 4    UA--
# > 5    DL--
# > 6    AA--
# > Name: Carrier, dtype: object

# %% Series.str.rjust pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Carrier'].str.rjust(4, '-')
# > 0    --AA
# > 1    --UA
# > 2    --AA
# > 3    --DL
# > 4    --UA
# > 5    --DL
# > 6    --AA
# > Name: Carrier, dtype: object

# %% Series.str.isalnum pandas
import pandas as pd
s = pd.Series(['abc1', 'a b', '12', ''])
s.str.isalnum()
# > 0     True
# > 1    False
# > 2     True
# > 3    False
# > dtype: bool

# %% Series.str.isspace pandas
import pandas as pd
s = pd.Series(['  ', 'a b', '\t'])
s.str.isspace()
# > 0     True
# > 1    False
# > 2     True
# > dtype: bool

# %% Series.str.istitle pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.istitle()
# > 0     True
# > 1     True
# > 2    False
# > 3     True
# > 4    False
# > 5     True
# > Name: city, dtype: bool

# %% Series.str.casefold pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.casefold()
# > 0    new york
# > 1      boston
# > 2    new york
# > 3     chicago
# > 4      boston
# > 5     chicago
# > Name: city, dtype: object

# %% Series.str.removeprefix pandas
import pandas as pd
df = pd.read_csv('people.csv')
df['city'].str.removeprefix('new ')
# > 0    New York
# > 1      Boston
# > 2        york
# > 3     Chicago
# > 4      boston
# > 5     Chicago
# > Name: city, dtype: object

# %% Series.str.fullmatch pandas
import pandas as pd
df = pd.read_csv('flights-1.csv')
df['Dest'].str.fullmatch('[A-Z]{3}')
# > 0    True
# > 1    True
# > 2    True
# > 3    True
# > 4    True
# > 5    True
# > 6    True
# > Name: Dest, dtype: bool

# %% Series.str.count dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.name.str.count('[aeiou]').compute()
# > 0    2
# > 1    0
# > 2    3
# > 3    2
# > 4    4
# > 5    1
# > Name: name, dtype: int64

# %% Series.str.find dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.city.str.find('o').compute()
# > 0    5
# > 1    1
# > 2    5
# > 3    6
# > 4    1
# > 5    6
# > Name: city, dtype: int64

# %% Series.str.isdigit dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Date.str.slice(0, 4).str.isdigit().all().compute()
# > True

# %% Series.str.match dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df[df.Dest.str.match('[LS]')].Dest.compute()
# > 0    LAX
# > 4    LAX
# > 1    LAX
# > 2    SFO
# > 4    SEA
# > 4    LGA
# > 5    SEA
# > 6    LGA
# > Name: Dest, dtype: object

# %% Series.str.pad dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.str.pad(4, fillchar='_').head()
# > 0    __AA
# > 1    __UA
# > 2    __AA
# > 3    __DL
# > 4    __UA
# > Name: Carrier, dtype: object

# %% Series.str.capitalize dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.name.str.strip().str.capitalize().compute()
# > 0          Alice
# > 1            Bob
# > 2    Carol smith
# > 3           Dave
# > 4      Eve-marie
# > 5          Frank
# > Name: name, dtype: object

# %% Series.str.strip dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.name.str.strip().compute()
# > 0          Alice
# > 1            BOB
# > 2    carol smith
# > 3           Dave
# > 4      Eve-Marie
# > 5          frank
# > Name: name, dtype: object

# %% Series.str.endswith dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Dest.str.endswith('X').sum().compute()
# > 3

# %% Series.str.lstrip dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.name.str.lstrip().compute()
# > 0         Alice
# > 1            BOB
# > 2    carol smith
# > 3           Dave
# > 4      Eve-Marie
# > 5          frank
# > Name: name, dtype: object

# %% Series.str.rstrip dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.name.str.rstrip().str.len().compute()
# > 0     6
# > 1     3
# > 2    11
# > 3     4
# > 4     9
# > 5     5
# > Name: name, dtype: int64

# %% Series.str.cat dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Origin.str.cat(df.Dest, sep='-').compute()
# > 0    JFK-LAX
# > 1    EWR-ORD
# > 2    LGA-ATL
# > 3    JFK-ATL
# > 4    EWR-LAX
# > 5    LGA-ORD
# > 6    JFK-ORD
# > 0    LGA-MDW
# > 1    JFK-LAX
# > 2    EWR-SFO
# > 3    LGA-ATL
# > 4    JFK-SEA
# > 5    JFK-BOS
# > 0    BOS-JFK
# > 1    SEA-JFK
# > 2    SFO-EWR
# > 3    LAX-JFK
# > 4    MDW-LGA
# > 5    SFO-SEA
# > 6    ATL-LGA
# > Name: Origin, dtype: object

# %% Series.str.get dask
import dask.dataframe as dd
df = dd.read_csv('flights-*.csv')
df.Carrier.str.get(0).compute()
# > 0    A
# > 1    U
# > 2    A
# > 3    D
# > 4    U
# > 5    D
# > 6    A
# > 0    W
# > 1    A
# > 2    U
# > 3    W
# > 4    D
# > 5    B
# > 0    B
# > 1    A
# > 2    U
# > 3    A
# > 4    W
# > 5    A
# > 6    D
# > Name: Carrier, dtype: object

# %% Series.str.extract dask
import dask.dataframe as dd
df = dd.read_csv('people.csv')
df.joined.str.extract(r'^(\d{4})', expand=False).compute()
# > 0    2018
# > 1    2017
# > 2    2020
# > 3    2019
# > 4    2016
# > 5    2021
# > Name: joined, dtype: object
