using System;
using System.Collections.Generic;
using System.IO;

namespace Station.CanTool;

/// <summary>Command line: <c>decode FILE [--bms HEX,...]</c>; more commands in <see cref="Commands"/>.</summary>
public static class Program
{
    public const string Usage =
        "usage: Station.CanTool decode FILE [--bms F5,...]   decode a candump -l log (one JSON line per message)\n" + Commands.Usage;

    public static int Main(string[] args)
    {
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
        catch (Exception e)
        {
            // Last resort: a tool for hostile files must say what happened, not dump a stack.
            Console.Error.WriteLine("Station.CanTool: internal error: " + e.Message);
            return 3;
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 1) { stderr.Write(Usage); return 2; }
        switch (args[0])
        {
            case "decode":
                return Decode(args, stdout, stderr);
            default:
                return Commands.Run(args, stdout, stderr);
        }
    }

    private static int Decode(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2) { stderr.Write(Usage); return 2; }
        string path = args[1];
        var extra = new List<int>();
        for (int i = 2; i < args.Length; i++)
        {
            if (args[i] == "--bms" && i + 1 < args.Length)
            {
                foreach (string part in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part, System.Globalization.NumberStyles.HexNumber, null, out int a) || a < 0 || a > 0xFD)
                    {
                        stderr.WriteLine("Station.CanTool: --bms wants hex addresses like F4,F5, not '" + part + "'");
                        return 2;
                    }
                    extra.Add(a);
                }
            }
            else { stderr.Write(Usage); return 2; }
        }
        Stream stream;
        try
        {
            if (Directory.Exists(path)) throw new IOException("it is a directory");
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot read '" + path + "': " + e.Message);
            return 1;
        }
        using (stream)
        {
            var writer = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            TextWriter output = ReferenceEquals(stdout, Console.Out) ? writer : stdout;
            try
            {
                new LogDecoder(output, extra).Run(stream);
            }
            catch (IOException e)
            {
                output.Flush();
                stderr.WriteLine("Station.CanTool: reading '" + path + "' failed: " + e.Message);
                return 1;
            }
            output.Flush();
        }
        return 0;
    }
}
