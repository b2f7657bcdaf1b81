# Python's format mini-language: format(), f-strings and str.format.

# %% fill and align
(format("ab", "<5"), format("ab", ">5"), format("ab", "^5"), format("ab", "*^6"), format(42, "<5"), format(42, "^6"), format(-5, "*=6"))
# > ('ab   ', '   ab', ' ab  ', '**ab**', '42   ', '  42  ', '-****5')

# %% sign
(format(3, "+"), format(-3, "+"), format(3, " "), format(3, "-"), format(2.5, "+.1f"), format(-0.0, "f"), format(0.0, "+.1f"))
# > ('+3', '-3', ' 3', '3', '+2.5', '-0.000000', '+0.0')

# %% alternate form
(format(255, "#x"), format(255, "#X"), format(8, "#o"), format(5, "#b"), format(1.5, "#.0f"), format(2.0, "#g"), format(1.5, "#.0e"))
# > ('0xff', '0XFF', '0o10', '0b101', '2.', '2.00000', '2.e+00')

# %% zero padding
(format(42, "05"), format(-42, "05"), format(3.14159, "08.3f"), format(255, "#010x"), format("ab", "05"), format(float("inf"), "010"))
# > ('00042', '-0042', '0003.142', '0x000000ff', 'ab000', '0000000inf')

# %% grouping
(format(1234567, ","), format(1234567, "_"), format(1234567.891, ",.2f"), format(2**70, ","), format(255, "_b"), format(0xFFFFFF, "_x"), format(123456789.0, ","))
# > ('1,234,567',
# >  '1_234_567',
# >  '1,234,567.89',
# >  '1,180,591,620,717,411,303,424',
# >  '1111_1111',
# >  'ff_ffff',
# >  '123,456,789.0')

# %% grouping with zero padding
(format(1234, "09,"), format(1234, "010,"), format(-1234, "010,"), format(12345.678, "010,.2f"))
# > ('0,001,234', '00,001,234', '-0,001,234', '012,345.68')

# %% precision and types for floats
(format(3.14159, ".2f"), format(3.14159, ".3e"), format(1234.5, ".3g"), format(0.00001234, "g"), format(1e16, "g"), format(0.5, "%"), format(0.125, ".1%"), format(2.5, "F"), format(1e-7, "E"))
# > ('3.14',
# >  '3.142e+00',
# >  '1.23e+03',
# >  '1.234e-05',
# >  '1e+16',
# >  '50.000000%',
# >  '12.5%',
# >  '2.500000',
# >  '1.000000E-07')

# %% no type with precision
(format(1.0, ".3"), format(100.0, ".3"), format(1000.0, ".3"), format(0.5, ".3"), format(1234.5678, ".6"), format(3.0, ".1"))
# > ('1.0', '1e+02', '1e+03', '0.5', '1234.57', '3e+00')

# %% no type without precision
(format(1e16, ""), format(1e16, "10"), format(0.1, ">6"), format(1.0, "<6"), format(123.456, ","))
# > ('1e+16', '     1e+16', '   0.1', '1.0   ', '123.456')

# %% ints as floats, n and c
(format(5, ".2f"), format(5, "e"), format(3, "%"), format(1234, "n"), format(65, "c"), format(0x263A, "c"), format(1.5, "n"))
# > ('5.00', '5.000000e+00', '300.000000%', '1234', 'A', '☺', '1.5')

# %% strings
(format("hello", ".3"), format("hello", "10.2"), format("é", "^5"), format("x", "s"))
# > ('hel', 'he        ', '  é  ', 'x')

# %% bool and None
(format(True, ""), format(True, ">6"), format(False, "d"), format(None, ""), format(True, ".1f"))
# > ('True', '     1', '0', 'None', '1.0')

# %% f-strings
x, w, p, name = 3.14159, 10, 3, "Ann"
(f"{x:.2f}", f"{x:{w}.{p}f}", f"{name!r:>8}", f"{name=}", f"{x = :.1f}", f"{1234567:,}", f"{0.25:.0%}", f"{'é'!a}")
# > ('3.14',
# >  '     3.142',
# >  "   'Ann'",
# >  "name='Ann'",
# >  'x = 3.1',
# >  '1,234,567',
# >  '25%',
# >  "'\\xe9'")

# %% format with an unknown code
format(1.5, "d")
# > ValueError: Unknown format code 'd' for object of type 'float'
# > @ line 1

# %% format an int with a precision
format(42, ".2")
# > ValueError: Precision not allowed in integer format specifier
# > @ line 1

# %% format a string with a sign
format("x", "+")
# > ValueError: Sign not allowed in string format specifier
# > @ line 1

# %% format a string with =
format("x", "=5")
# > ValueError: '=' alignment not allowed in string format specifier
# > @ line 1

# %% grouping with x and a comma
format(255, ",x")
# > ValueError: Cannot specify ',' with 'x'.
# > @ line 1

# %% format None with a spec
format(None, ">5")
# > TypeError: unsupported format string passed to NoneType.__format__
# > @ line 1

# %% format a list with a spec
format([1, 2], ">10")
# > TypeError: unsupported format string passed to list.__format__
# > @ line 1

# %% invalid spec
format(1, "abc")
# > ValueError: Invalid format specifier 'abc' for object of type 'int'
# > @ line 1

# %% missing precision
format(1.5, ".f")
# > ValueError: Format specifier missing precision
# > @ line 1

# %% c with a sign
format(65, "+c")
# > ValueError: Sign not allowed with integer format specifier 'c'
# > @ line 1

# %% big numbers
(format(10**30, "x"), format(-(10**25), "_"), format(10**20, "e"), format(1e300, ".3g"))
# > ('c9f2c9cd04674edea40000000',
# >  '-10_000_000_000_000_000_000_000_000',
# >  '1.000000e+20',
# >  '1e+300')

# %% printf-style formats
("%5s|%-5s|%.2s" % ("ab", "cd", "xyz"), "%r %a" % ("é", "é"), "%05d|%+d|%x|%X|%o|%e|%g|%c" % (42, 5, 255, 255, 8, 12345.678, 0.0001, 65), "%(a)s-%(b)03d" % {"a": 1, "b": 7}, "%.3f%%" % 12.34567)
# > ('   ab|cd   |xy',
# >  "'é' '\\xe9'",
# >  '00042|+5|ff|FF|10|1.234568e+04|0.0001|A',
# >  '1-007',
# >  '12.346%')

# %% negative zero coercion
(format(-0.0, "z.1f"), format(-0.04, "z.1f"), format(-0.04, ".1f"), format(-1.5, "z.1f"), format(-0.0001, "z.2%"), f"{-0.0:z}")
# > ('0.0', '0.0', '-0.0', '-1.5', '-0.01%', '0.0')

# %% z with an int
format(5, "z")
# > ValueError: Negative zero coercion (z) not allowed in integer format specifier
# > @ line 1

# %% grouping with n
format(1234, ",n")
# > ValueError: Cannot specify ',' with 'n'.
# > @ line 1
