using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;

namespace Station.Compat.Tests;

/// <summary>Walks a method body's IL and yields every metadata token operand (types, methods, fields, signatures).</summary>
public static class ILTokens
{
    private static readonly Dictionary<short, OperandType> Operands = BuildTable();

    private static Dictionary<short, OperandType> BuildTable()
    {
        var table = new Dictionary<short, OperandType>();
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode op)
            {
                table[op.Value] = op.OperandType;
            }
        }
        return table;
    }

    public static IEnumerable<int> Read(byte[] il)
    {
        foreach (var (_, token) in Instructions(il))
        {
            if (IsEntity(token)) yield return token;
        }
    }

    /// <summary>True when <paramref name="token"/> names a metadata entity: not 0 (no operand), not a string literal's
    /// user-string token (0x70…, ldstr).</summary>
    public static bool IsEntity(int token) => token != 0 && (token >> 24) != 0x70;

    /// <summary>Every instruction: its opcode value and its token operand (0 when it has none; a 0x70 user-string token for ldstr).</summary>
    public static IEnumerable<(short OpCode, int Token)> Instructions(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            short code = il[i++];
            if (code == 0xFE)
            {
                code = unchecked((short)(0xFE00 | il[i++]));
            }
            if (!Operands.TryGetValue(code, out var operand))
            {
                throw new InvalidOperationException($"unknown IL opcode 0x{code:X} at {i}");
            }
            int token = 0;
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    int n = BitConverter.ToInt32(il, i);
                    i += 4 + 4 * n;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    token = BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineString:
                    token = BitConverter.ToInt32(il, i); // 0x70xxxxxx: a user string (ldstr)
                    i += 4;
                    break;
                default: // InlineBrTarget, InlineI, ShortInlineR
                    i += 4;
                    break;
            }
            yield return (code, token);
        }
    }
}
