#nullable disable
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;

namespace Station.Tools
{
    /// <summary>Runs a System.CommandLine root the same way in every tool: help and version from the library, parse
    /// and validation errors on stderr with "try --help" and exit code 2, the command's own exit code otherwise.</summary>
    internal static class CommandLineRunner
    {
        /// <summary>Exit code for a command line the tool refuses.</summary>
        public const int BadUsage = 2;

        /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and invokes it, writing to the given streams.</summary>
        public static int Run(string tool, RootCommand root, string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (!HasCompletionOption(root)) root.Options.Add(CompletionScript.Option(tool));
            ParseResult parse = root.Parse(args ?? Array.Empty<string>());
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            // A terminating action that clears parse errors (--help, --version, --completion, the [suggest] directive)
            // answers even when the rest of the line is incomplete, as the library itself does.
            bool answersAnyway = parse.Action is System.CommandLine.Invocation.CommandLineAction { Terminating: true, ClearsParseErrors: true };
            if (parse.Errors.Count > 0 && !answersAnyway)
            {
                foreach (var e in parse.Errors) stderr.WriteLine(tool + ": " + e.Message);
                foreach (string token in parse.UnmatchedTokens)
                {
                    string near = Nearest(parse.CommandResult.Command, token);
                    if (near != null) stderr.WriteLine(tool + ": did you mean " + near + "?");
                }
                stderr.WriteLine("try " + tool + " --help");
                return BadUsage;
            }
            return parse.Invoke(config);
        }

        static bool HasCompletionOption(RootCommand root)
        {
            foreach (var o in root.Options) if (o.Name == "--completion") return true;
            return false;
        }

        /// <summary>The option or subcommand of <paramref name="command"/> nearest to a mistyped <paramref name="token"/>
        /// (at most two edits away), or null.</summary>
        static string Nearest(Command command, string token)
        {
            string best = null;
            int bestDistance = 3;
            foreach (var o in command.Options) Consider(o.Name);
            foreach (var c in command.Subcommands) Consider(c.Name);
            return best;

            void Consider(string name)
            {
                int d = EditDistance(token, name);
                if (d < bestDistance) { bestDistance = d; best = name; }
            }
        }

        static int EditDistance(string a, string b)
        {
            var row = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) row[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                int diagonal = row[0];
                row[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int above = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                    diagonal = above;
                }
            }
            return row[b.Length];
        }

        /// <summary>Refuses a whole number outside <paramref name="min"/>..<paramref name="max"/> with <paramref name="message"/>
        /// (one that is not a number at all gets the library's own error).</summary>
        public static void Range(Option<int> option, int min, int max, string message)
        {
            option.Validators.Add(r =>
            {
                if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && (n < min || n > max))
                    r.AddError(message);
            });
        }

        /// <summary>Refuses a number not above <paramref name="above"/> or above <paramref name="max"/> with <paramref name="message"/>.</summary>
        public static void Range(Option<double> option, double above, double max, string message)
        {
            option.Validators.Add(r =>
            {
                if (r.Tokens.Count > 0 && double.TryParse(r.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && !(x > above && x <= max))
                    r.AddError(message);
            });
        }

        /// <summary>True when <paramref name="option"/> was typed on the command line (not just defaulted).</summary>
        public static bool Given(System.CommandLine.Parsing.CommandResult r, Option option) => r.GetResult(option) is { Implicit: false };
    }
}
