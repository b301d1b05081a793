#!/usr/bin/env python3
"""Generates corelib's Convert overloads and the primitives' IConvertible.

    python3 corelib/tools/gen_convertible.py

writes src/cs/System/Convert.Generated.cs (every Convert.ToXxx(source)
overload between the base types that Convert.cs does not write by hand)
and the generated region at the end of src/cs/System/<Type>.cs for each
primitive (its IConvertible implementation and its Parse/TryParse overloads
with NumberStyles; mcs cannot build the predefined types from partial
declarations). The conversion rules are .NET's (CoreCLR's Convert.cs):
integers are range-checked (OverflowException with .NET's messages),
floating-point and decimal values round half to even first, bool is 1/0,
char converts only to and from integers, DateTime only to and from
strings, and everything else is InvalidCastException("Invalid cast from
'A' to 'B'."). Run it after changing the rules; the output is checked in.

    python3 corelib/tools/gen_convertible.py --check

writes nothing and exits with 1, naming the files, when the checked-in
output is not what the script generates (corelib/tests/generated_code.rs).
"""
import os
import sys

CHECK = "--check" in sys.argv[1:]
STALE = []


def emit(path, text):
    """Writes `text` to `path`, or with --check records a difference."""
    with open(path) as f:
        old = f.read()
    if CHECK:
        if old != text:
            STALE.append(os.path.relpath(path, os.path.join(HERE, "..")))
    elif old != text:
        with open(path, "w") as f:
            f.write(text)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "cs", "System")

# (CLR name, C# keyword, kind, min, max)
TYPES = [
    ("Boolean", "bool", "bool", None, None),
    ("Char", "char", "char", "0", "65535"),
    ("SByte", "sbyte", "int", "-128", "127"),
    ("Byte", "byte", "uint", "0", "255"),
    ("Int16", "short", "int", "-32768", "32767"),
    ("UInt16", "ushort", "uint", "0", "65535"),
    ("Int32", "int", "int", "int.MinValue", "int.MaxValue"),
    ("UInt32", "uint", "uint", "0", "uint.MaxValue"),
    ("Int64", "long", "int", "long.MinValue", "long.MaxValue"),
    ("UInt64", "ulong", "uint", "0", "ulong.MaxValue"),
    ("Single", "float", "float", None, None),
    ("Double", "double", "float", None, None),
    ("Decimal", "decimal", "decimal", None, None),
    ("DateTime", "DateTime", "datetime", None, None),
]

OVERFLOW = {
    "Char": "Value was either too large or too small for a character.",
    "SByte": "Value was either too large or too small for a signed byte.",
    "Byte": "Value was either too large or too small for an unsigned byte.",
    "Int16": "Value was either too large or too small for an Int16.",
    "UInt16": "Value was either too large or too small for a UInt16.",
    "Int32": "Value was either too large or too small for an Int32.",
    "UInt32": "Value was either too large or too small for a UInt32.",
    "Int64": "Value was either too large or too small for an Int64.",
    "UInt64": "Value was either too large or too small for a UInt64.",
}

# Written by hand in Convert.cs (shared with tests/managed_logic.rs).
HAND = {
    ("Int32", "Double"), ("Int32", "Single"), ("Int32", "Int64"), ("Int32", "Boolean"),
    ("Int32", "Char"), ("Int32", "Int32"), ("Int32", "String"),
    ("Int64", "Double"), ("Int64", "Int32"), ("Int64", "String"),
    ("Double", "Int32"), ("Double", "Int64"), ("Double", "String"),
    ("Boolean", "String"), ("Boolean", "Int32"), ("Char", "Int32"),
}

KW = {t[0]: t[1] for t in TYPES}
KW["String"] = "string"
KIND = {t[0]: t[2] for t in TYPES}
RANGE = {t[0]: (t[3], t[4]) for t in TYPES}


def uint_attr(dst, src):
    return "        [CLSCompliant(false)]\n" if (dst in ("SByte", "UInt16", "UInt32", "UInt64") or src in ("SByte", "UInt16", "UInt32", "UInt64")) else ""


def integer_from_integer(dst, src):
    """Body converting integer `value` of src to dst (both integer or char)."""
    lo, hi = RANGE[dst]
    slo, shi = RANGE[src]
    checks = []
    dst_unsigned = KIND[dst] in ("uint", "char")
    src_unsigned = KIND[src] in ("uint", "char")
    # Does src's range exceed dst's?
    order = ["SByte", "Byte", "Char", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64"]
    bits = {"SByte": 8, "Byte": 8, "Char": 16, "Int16": 16, "UInt16": 16, "Int32": 32, "UInt32": 32, "Int64": 64, "UInt64": 64}
    need_low = (not src_unsigned) and (dst_unsigned or bits[dst] < bits[src])
    need_high = (bits[src] > bits[dst]) or (bits[src] == bits[dst] and src_unsigned != dst_unsigned and not dst_unsigned) \
        or (bits[src] == bits[dst] and src_unsigned != dst_unsigned and dst_unsigned and False)
    if src_unsigned and not dst_unsigned and bits[src] >= bits[dst]:
        need_high = True
    if (not src_unsigned) and dst_unsigned and bits[src] > bits[dst]:
        need_high = True
    if src_unsigned and dst_unsigned and bits[src] > bits[dst]:
        need_high = True
    if (not src_unsigned) and (not dst_unsigned) and bits[src] > bits[dst]:
        need_high = True
    conds = []
    if need_low:
        conds.append("value < 0" if dst_unsigned else f"value < {lo}")
    if need_high:
        if src_unsigned and not dst_unsigned:
            conds.append(f"value > ({KW[src]}){hi}")
        else:
            conds.append(f"value > {hi}")
    body = ""
    if conds:
        body += f"            if ({' || '.join(conds)})\n                throw new OverflowException(\"{OVERFLOW[dst]}\");\n"
    body += f"            return ({KW[dst]})value;\n"
    return body


def body(dst, src):
    kd, ks = KIND[dst], KIND.get(src, "string")
    d, s = KW[dst], KW[src]
    invalid = f"            throw InvalidCast(\"{src}\", \"{dst}\");\n"
    if dst == src:
        return "            return value;\n"
    if dst == "DateTime" or src == "DateTime":
        return invalid
    if dst == "Char" and ks in ("bool", "float", "decimal"):
        return invalid
    if src == "Char" and kd in ("bool", "float", "decimal"):
        return invalid
    if kd == "bool":
        return "            return value != 0;\n"
    if ks == "bool":
        if kd == "decimal":
            return "            return value ? 1m : 0m;\n"
        return f"            return value ? ({d})1 : ({d})0;\n"
    if kd in ("int", "uint", "char"):
        if ks in ("int", "uint", "char"):
            return integer_from_integer(dst, src)
        if ks == "float":
            v = "value" if src == "Double" else "(double)value"
            if dst in ("SByte", "Byte", "Int16", "UInt16", "Char"):
                return f"            return To{dst}(ToInt32({v}));\n"
            if dst == "Int32":
                return f"            return ToInt32({v});\n"
            if dst == "UInt32":
                return f"            return ToUInt32Rounded({v});\n"
            return f"            return checked(({d})Math.Round({v}));\n"
        if ks == "decimal":
            return f"            return Decimal.To{dst}(Decimal.Round(value, 0));\n"
    if kd == "float":
        if ks == "decimal":
            return f"            return ({d})value;\n"
        return f"            return value;\n" if ks in ("int", "uint", "char") or (src == "Single" and dst == "Double") else f"            return ({d})value;\n"
    if kd == "decimal":
        if ks == "float":
            return f"            return (decimal)value;\n"
        return "            return value;\n"
    raise Exception((dst, src))


def gen_convert():
    out = []
    out.append("// Generated by corelib/tools/gen_convertible.py: do not edit by hand.\n\n")
    out.append("using System.Globalization;\n\nnamespace System\n{\n    public static partial class Convert\n    {\n")
    names = [t[0] for t in TYPES]
    for dst in names:
        for src in names:
            if (dst, src) in HAND:
                continue
            out.append(uint_attr(dst, src))
            out.append(f"        public static {KW[dst]} To{dst}({KW[src]} value)\n        {{\n")
            out.append(body(dst, src))
            out.append("        }\n\n")
        # From strings.
        if (dst, "String") not in HAND:
            out.append(uint_attr(dst, "String"))
            out.append(f"        public static {KW[dst]} To{dst}(string value)\n        {{\n")
            out.append(string_body(dst, "null"))
            out.append("        }\n\n")
        out.append(uint_attr(dst, "String"))
        out.append(f"        public static {KW[dst]} To{dst}(string value, IFormatProvider provider)\n        {{\n")
        out.append(string_body(dst, "provider"))
        out.append("        }\n\n")
        # From objects.
        out.append(uint_attr(dst, "String"))
        out.append(f"        public static {KW[dst]} To{dst}(object value)\n        {{\n")
        out.append(f"            return value == null ? {default(dst)} : ((IConvertible)value).To{dst}(null);\n")
        out.append("        }\n\n")
        out.append(uint_attr(dst, "String"))
        out.append(f"        public static {KW[dst]} To{dst}(object value, IFormatProvider provider)\n        {{\n")
        out.append(f"            return value == null ? {default(dst)} : ((IConvertible)value).To{dst}(provider);\n")
        out.append("        }\n\n")
    # To strings.
    for src in names:
        if src not in ("Int32", "Int64", "Double", "Boolean", "Char"):
            out.append(uint_attr("String", src))
            out.append(f"        public static string ToString({KW[src]} value)\n        {{\n")
            out.append("            return value.ToString(CultureInfo.CurrentCulture);\n" if src != "Boolean" else "            return value.ToString();\n")
            out.append("        }\n\n")
        out.append(uint_attr("String", src))
        out.append(f"        public static string ToString({KW[src]} value, IFormatProvider provider)\n        {{\n")
        out.append("            return value.ToString(provider);\n")
        out.append("        }\n\n")
    out.append("        public static string ToString(string value)\n        {\n            return value;\n        }\n\n")
    out.append("        public static string ToString(string value, IFormatProvider provider)\n        {\n            return value;\n        }\n")
    out.append("    }\n}\n")
    emit(os.path.join(OUT, "Convert.Generated.cs"), "".join(out))


def default(dst):
    return {"Boolean": "false", "Char": "'\\0'", "DateTime": "DateTime.MinValue", "Decimal": "Decimal.Zero"}.get(dst, f"({KW[dst]})0")


def string_body(dst, provider):
    if dst == "Char":
        return ("            if (value == null)\n                throw new ArgumentNullException(\"value\");\n"
                "            if (value.Length != 1)\n                throw new FormatException(\"String must be exactly one character long.\");\n"
                "            return value[0];\n")
    if dst == "Boolean":
        return "            return value == null ? false : Boolean.Parse(value);\n"
    if dst == "DateTime":
        return f"            return value == null ? DateTime.MinValue : DateTime.Parse(value, {provider});\n"
    p = "CultureInfo.CurrentCulture" if provider == "null" else provider
    return f"            return value == null ? {default(dst)} : {KW[dst]}.Parse(value, {p});\n"


INTEGER_BITS = {"SByte": (8, True), "Byte": (8, False), "Int16": (16, True), "UInt16": (16, False),
                "Int32": (32, True), "UInt32": (32, False), "Int64": (64, True)}


def styled_parse(name):
    """Parse/TryParse with NumberStyles for the number types."""
    kw = KW[name]
    attr = "        [CLSCompliant(false)]\n" if name in ("SByte", "UInt16", "UInt32", "UInt64") else ""
    out = []
    if name in INTEGER_BITS:
        bits, signed = INTEGER_BITS[name]
        signed_s = "true" if signed else "false"
        core = f"Number.ParseIntegerStyled(s, style, {bits}, {signed_s}, \"{OVERFLOW[name]}\")"
        out.append(f"{attr}        public static {kw} Parse(string s, NumberStyles style)\n        {{\n            return ({kw}){core};\n        }}\n\n")
        out.append(f"{attr}        public static {kw} Parse(string s, NumberStyles style, IFormatProvider provider)\n        {{\n            return ({kw}){core};\n        }}\n\n")
        out.append(f"{attr}        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out {kw} result)\n        {{\n"
                   f"            NumberFormatInfo.ValidateParseStyleInteger(style);\n            long value;\n"
                   f"            if (Number.TryParseIntegerStyled(s, style, {bits}, {signed_s}, out value) == 0)\n            {{\n                result = ({kw})value;\n                return true;\n            }}\n"
                   f"            result = 0;\n            return false;\n        }}\n\n")
    elif name == "UInt64":
        out.append(f"{attr}        public static ulong Parse(string s, NumberStyles style)\n        {{\n            return Number.ParseUInt64Styled(s, style);\n        }}\n\n")
        out.append(f"{attr}        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)\n        {{\n            return Number.ParseUInt64Styled(s, style);\n        }}\n\n")
        out.append(f"{attr}        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)\n        {{\n"
                   f"            NumberFormatInfo.ValidateParseStyleInteger(style);\n            return Number.TryParseUInt64Styled(s, style, out result) == 0;\n        }}\n\n")
    elif name in ("Single", "Double"):
        msg = f"Value was either too large or too small for a {name}."
        conv = "(float)" if name == "Single" else ""
        check = " || Single.IsInfinity((float)value) && !Double.IsInfinity(value)" if name == "Single" else ""
        out.append(f"        public static {kw} Parse(string s, NumberStyles style)\n        {{\n            return Parse(s, style, null);\n        }}\n\n")
        out.append(f"        public static {kw} Parse(string s, NumberStyles style, IFormatProvider provider)\n        {{\n"
                   f"            double value = Number.ParseDoubleStyled(s, style, \"{msg}\");\n"
                   + (f"            if (Single.IsInfinity((float)value) && !Double.IsInfinity(value))\n                throw new OverflowException(\"{msg}\");\n" if name == "Single" else "")
                   + f"            return {conv}value;\n        }}\n\n")
        out.append(f"        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out {kw} result)\n        {{\n"
                   f"            NumberFormatInfo.ValidateParseStyleFloatingPoint(style);\n            double value;\n"
                   f"            if (!Number.TryParseDoubleStyled(s, style, out value){check})\n            {{\n                result = 0;\n                return false;\n            }}\n"
                   f"            result = {conv}value;\n            return true;\n        }}\n\n")
    return "".join(out)


BEGIN = "        // ----- Generated by corelib/tools/gen_convertible.py: do not edit below -----\n"
END = "        // ----- End of the generated part -----\n"


def gen_convertible(name):
    """Rewrites the generated region at the end of src/cs/System/<name>.cs
    (mcs cannot compile the predefined types as partial structs)."""
    kw = KW[name]
    out = [BEGIN, "\n"]
    out.append(styled_parse(name))
    out.append(f"        public TypeCode GetTypeCode()\n        {{\n            return TypeCode.{name};\n        }}\n\n")
    for dst in [t[0] for t in TYPES]:
        out.append(f"        {KW[dst]} IConvertible.To{dst}(IFormatProvider provider)\n        {{\n")
        out.append(f"            return Convert.To{dst}(m_value);\n")
        out.append("        }\n\n")
    out.append("        object IConvertible.ToType(Type type, IFormatProvider provider)\n        {\n")
    out.append("            return Convert.DefaultToType(this, type, provider);\n        }\n")
    out.append(END)
    path = os.path.join(OUT, f"{name}.cs")
    with open(path) as f:
        text = f.read()
    if BEGIN in text:
        start = text.index(BEGIN)
        end = text.index(END) + len(END)
        text = text[:start] + "".join(out) + text[end:]
    else:
        # Before the struct's closing brace (the last "    }\n}").
        cut = text.rindex("    }\n}")
        text = text[:cut].rstrip("\n") + "\n\n" + "".join(out) + text[cut:]
    emit(path, text)


gen_convert()
for name in ["Boolean", "Char", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Single", "Double"]:
    gen_convertible(name)
if STALE:
    print("out of date (run python3 corelib/tools/gen_convertible.py): " + ", ".join(STALE))
    sys.exit(1)
