using System.Buffers;
using System.Text;

namespace FgsActors.Actors.Configuration;

/// <summary>
/// A pre-pass over HOCON text, run before Akka.NET's parser sees it. Akka.NET 1.5's parser hangs on an
/// unclosed '[' and on <c>${?x}</c>, overflows the stack on a self-referencing substitution, stops silently
/// at a stray '}', swallows the rest of the file after an unterminated quote, and turns <c>key value</c>
/// (a missing '=') into a key with no value. This scanner rejects those inputs with a line number, and
/// records the line of every key so that each value can say where it was set. It follows the lexical rules
/// of Akka's HoconTokenizer (what may appear unquoted, comments, escapes), so what it accepts reads the same
/// to both; the few things it rejects that the HOCON spec allows (keys with spaces, substitutions, includes
/// other than a quoted relative name) are named in its messages.
/// </summary>
internal sealed class HoconOutlineScanner
{
    // Characters Akka's HoconTokenizer does not allow in unquoted keys and in unquoted values.
    private const string NotInUnquotedKey = "$\"{}[]:=,#`^?!@*&\\.";
    private const string NotInUnquotedText = "$\"{}[]:=,#`^?!@*&\\";
    private const string IncludeKeyword = "include";
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly string _text;
    private readonly List<OutlineItem> _items = [];
    private int _pos;
    private int _line = 1;

    private HoconOutlineScanner(string text) => _text = text;

    /// <summary>Outlines <paramref name="text"/>; throws <see cref="HoconSyntaxException"/> at the first problem.</summary>
    public static HoconOutline Scan(string text)
    {
        var scanner = new HoconOutlineScanner(text);
        scanner.Document();
        return new HoconOutline(scanner._items);
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => AtEnd ? '\0' : _text[_pos];

    private bool AtComment => Current == '#' || (Current == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/');

    private string DescribeCurrent => AtEnd ? "the end of the file" : $"'{Current}'";

    private void Document()
    {
        SkipBlank();
        if (Current != '{')
        {
            ObjectBody("", openLine: null, inList: false);
            return;
        }
        var line = _line;
        Advance();
        ObjectBody("", line, inList: false);
        SkipBlank();
        if (!AtEnd) throw Error($"unexpected {DescribeCurrent} after the '}}' that closes the root object opened at line {line}");
    }

    // Fields up to the '}' that matches the '{' at openLine, or to the end of the text for a root without braces.
    // Inside a list, keys are checked but not recorded: their paths are not config paths.
    private void ObjectBody(string prefix, int? openLine, bool inList)
    {
        while (true)
        {
            SkipBlank();
            if (AtEnd)
            {
                if (openLine is { } line) throw new HoconSyntaxException($"'{{' opened at line {line} is never closed", line);
                return;
            }
            if (Current == '}')
            {
                if (openLine is null) throw Error("unexpected '}' with no matching '{' (Akka.NET would ignore everything after it)");
                Advance();
                return;
            }
            if (AtIncludeDirective()) Include(prefix, inList);
            else Field(prefix, inList);
        }
    }

    // "include" followed by whitespace is a directive unless what follows makes it a key named "include".
    private bool AtIncludeDirective()
    {
        if (string.CompareOrdinal(_text, _pos, IncludeKeyword, 0, IncludeKeyword.Length) != 0) return false;
        var after = _pos + IncludeKeyword.Length;
        if (after >= _text.Length || !char.IsWhiteSpace(_text[after])) return false;
        while (after < _text.Length && char.IsWhiteSpace(_text[after])) after++;
        return after >= _text.Length || !"=:{.".Contains(_text[after]);
    }

    private void Include(string prefix, bool inList)
    {
        var line = _line;
        if (inList) throw Error("include is not allowed inside a list");
        _pos += IncludeKeyword.Length;
        SkipBlank();
        if (Current != '"')
        {
            throw Error("include needs a quoted file name relative to this file, e.g. include \"../reference.conf\" (file(), classpath(), url() and required() are not supported)");
        }
        _items.Add(new IncludeDirective(QuotedString(), prefix, line));
    }

    private void Field(string prefix, bool inList)
    {
        var line = _line;
        var key = KeyPath();
        var path = prefix.Length == 0 ? key : prefix + "." + key;
        SkipBlank();
        if (Current == '{')
        {
            Record(path, line, inList);
            var open = _line;
            Advance();
            ObjectBody(path, open, inList);
            SkipSpaces();
            if (Current == ',') throw Error($"Akka.NET's HOCON parser rejects a comma after '{key} {{ ... }}': remove the comma or write '{key} = {{ ... }},'");
            return;
        }
        if (Current is '=' or ':')
        {
            Advance();
            Value(path, line, inList);
            return;
        }
        throw new HoconSyntaxException($"expected '=', ':' or '{{' after key '{key}', found {DescribeCurrent}", line);
    }

    // Dot-separated segments, each quoted or unquoted. Unlike Akka (which keeps inner spaces, even newlines,
    // in an unquoted key) a segment ends at whitespace, so "key value" is reported instead of read as a key.
    private string KeyPath()
    {
        var segments = new List<string>();
        while (true)
        {
            if (Current == '"')
            {
                segments.Add(QuotedString());
            }
            else
            {
                var start = _pos;
                while (!AtEnd && !char.IsWhiteSpace(Current) && !AtComment && !NotInUnquotedKey.Contains(Current)) Advance();
                if (_pos == start) throw Error($"expected a key, found {DescribeCurrent}");
                segments.Add(_text[start.._pos]);
            }
            if (Current != '.') return string.Join('.', segments);
            Advance();
        }
    }

    private void Value(string path, int keyLine, bool inList)
    {
        SkipBlank();
        if (AtEnd || Current is '}' or ']' or ',') throw new HoconSyntaxException($"key '{path}' has no value", keyLine);
        Record(path, keyLine, inList);
        ValueParts(path, inList);
        if (Current == ',') Advance();
    }

    // One value: parts on one line that HOCON concatenates (text, quoted strings, lists, objects).
    // listLine: where the enclosing list opened, to point at a missing ']' when the value goes wrong.
    private void ValueParts(string path, bool inList, int? listLine = null)
    {
        while (!AtEnd && !AtComment)
        {
            var c = Current;
            if (c is '\n' or '\r' or ',' or '}' or ']') return;
            if (c is ' ' or '\t')
            {
                Advance();
            }
            else if (c == '"')
            {
                QuotedString();
            }
            else if (c == '[')
            {
                List(path);
            }
            else if (c == '{')
            {
                var open = _line;
                Advance();
                ObjectBody(path, open, inList);
            }
            else if (c == '$' && _pos + 1 < _text.Length && _text[_pos + 1] == '{')
            {
                throw Error("substitutions (${...}) are not supported: Akka.NET 1.5's HOCON parser hangs or crashes on several forms of them; write the value itself, or pass it with --set");
            }
            else if (!char.IsWhiteSpace(c) && !NotInUnquotedText.Contains(c))
            {
                while (!AtEnd && !char.IsWhiteSpace(Current) && !AtComment && !NotInUnquotedText.Contains(Current)) Advance();
            }
            else if (listLine is { } open)
            {
                throw Error($"unexpected {DescribeCurrent} inside the list opened at line {open} (missing ']'?)");
            }
            else
            {
                throw Error($"unexpected {DescribeCurrent} in the value of '{path}'; put the value in double quotes if it should contain it");
            }
        }
    }

    // Elements separated by newlines or single commas; a trailing comma is allowed, an empty element is not
    // (Akka.NET would read "[1,,2]" as three elements, the middle one empty).
    private void List(string path)
    {
        var open = _line;
        Advance();
        var afterElement = false;
        while (true)
        {
            SkipBlank();
            if (AtEnd) throw new HoconSyntaxException($"'[' opened at line {open} is never closed", open);
            switch (Current)
            {
                case ']':
                    Advance();
                    return;
                case ',' when afterElement:
                    Advance();
                    afterElement = false;
                    break;
                case ',':
                    throw Error($"empty element in the list opened at line {open}");
                case '}':
                    throw Error($"unexpected '}}' inside the list opened at line {open}");
                default:
                    ValueParts(path, inList: true, listLine: open);
                    afterElement = true;
                    break;
            }
        }
    }

    // A "..." string (one line, JSON escapes as Akka accepts them) or a """...""" string (any lines, no escapes).
    private string QuotedString()
    {
        var line = _line;
        if (string.CompareOrdinal(_text, _pos, "\"\"\"", 0, 3) == 0)
        {
            var end = _text.IndexOf("\"\"\"", _pos + 3, StringComparison.Ordinal);
            if (end < 0) throw new HoconSyntaxException("unterminated \"\"\" string", line);
            var content = _text[(_pos + 3)..end];
            while (_pos < end + 3) Advance();
            return content;
        }
        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (AtLineEnd) throw Unterminated(line);
            var c = Current;
            Advance();
            if (c == '"') return value.ToString();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (AtLineEnd) throw Unterminated(line);
            value.Append(Escape());
        }
    }

    private bool AtLineEnd => AtEnd || Current is '\n' or '\r';

    private static HoconSyntaxException Unterminated(int line) =>
        new("unterminated string: a quoted string must end on the line where it starts", line);

    private char Escape()
    {
        var c = Current;
        Advance();
        switch (c)
        {
            case '"' or '\\' or '/':
                return c;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u' when _pos + 4 <= _text.Length && _text.AsSpan(_pos, 4).ContainsAnyExcept(HexDigits) is false:
                var code = Convert.ToInt32(_text.Substring(_pos, 4), 16);
                _pos += 4;
                return (char)code;
            default:
                throw Error($"unknown escape '\\{c}' in a quoted string (known: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
    }

    private void Record(string path, int line, bool inList)
    {
        if (!inList) _items.Add(new KeyDefinition(path, line));
    }

    private void SkipBlank()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                Advance();
            }
            else if (AtComment)
            {
                while (!AtEnd && Current != '\n') Advance();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipSpaces()
    {
        while (Current is ' ' or '\t') Advance();
    }

    private void Advance()
    {
        if (Current == '\n') _line++;
        _pos++;
    }

    private HoconSyntaxException Error(string problem) => new(problem, _line);
}
