using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace EventObserver.Core.Projections.Memory;

/// <summary>
/// What the heap walk needs to know about one .NET type: its approximate size, and a compiled delegate that pushes
/// every object its fields (and the fields of structs embedded in it, or in its array elements) reference. Built once
/// per type for the process, by reflection over the type's instance fields, so the walk sees whatever Jint keeps
/// (closure environments, private fields, map entries, shapes) without knowing its internals.
/// </summary>
internal sealed class ObjectLayout
{
    private const int MaxStructDepth = 4;

    private static readonly ConcurrentDictionary<Type, ObjectLayout> s_layouts = new();
    private static readonly MethodInfo s_push = typeof(WalkStack).GetMethod(nameof(WalkStack.Push))!;
    private static readonly MethodInfo s_pushShape = typeof(WalkStack).GetMethod(nameof(WalkStack.PushShape))!;
    private static readonly MethodInfo s_pushWeakValues = typeof(ObjectLayout).GetMethod(nameof(PushWeakTableValues), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly FieldInfo s_prototype = typeof(ObjectInstance).GetField("_prototype", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Jint's ObjectInstance has no _prototype field: the memory meter needs updating for this Jint version.");

    private ObjectLayout()
    {
    }

    /// <summary>Bytes of one instance (arrays: of the header; add <see cref="ElementSize"/> per element).</summary>
    public long Size { get; private init; }

    /// <summary>Reflection, threading and culture objects: shared by the process, never counted or followed.</summary>
    public bool Ignored { get; private init; }

    /// <summary>Bounded, engine-wide structures (shapes, layouts, function definitions, syntax trees): see <see cref="HeapWalker"/>.</summary>
    public bool EngineOwned { get; private init; }

    /// <summary>A plain <see cref="JsString"/>: the walk counts its string with it.</summary>
    public bool IsFlatString { get; private init; }

    public bool IsArray { get; private init; }
    public int ElementSize { get; private init; }
    public bool ElementsAreReferences { get; private init; }

    /// <summary>Pushes what the instance references (except its prototype, see <see cref="Prototype"/>); null when nothing.</summary>
    public Action<object, WalkStack>? PushReferences { get; private init; }

    /// <summary>The JavaScript prototype of an object instance, read apart so a partition walk can treat it specially.</summary>
    public Func<object, object?>? Prototype { get; private init; }

    public static ObjectLayout Of(Type type) => s_layouts.GetOrAdd(type, Build);

    private static ObjectLayout Build(Type type)
    {
        if (IsIgnored(type))
        {
            return new ObjectLayout { Ignored = true };
        }

        if (type.IsArray)
        {
            return BuildArray(type);
        }

        var instance = Expression.Parameter(typeof(object), "instance");
        var stack = Expression.Parameter(typeof(WalkStack), "stack");
        var typed = Expression.Convert(instance, type);
        var references = new List<Expression>();
        CollectReferences(typed, type, references, 0);
        var isObject = typeof(ObjectInstance).IsAssignableFrom(type);
        if (isObject)
        {
            references.RemoveAll(e => e is MemberExpression { Member: FieldInfo field } && field == s_prototype);
        }

        var statements = references.Select(r => Pushing(r, stack)).ToList();
        if (IsWeakTable(type))
        {
            statements.Add(Expression.Call(s_pushWeakValues.MakeGenericMethod(type.GetGenericArguments()), instance, stack));
        }

        long size = 16;
        foreach (var field in InstanceFields(type))
        {
            size += SizeOf(field.FieldType);
        }

        return new ObjectLayout
        {
            Size = Math.Max(24, (size + 7) & ~7L),
            EngineOwned = IsEngineOwned(type),
            IsFlatString = type == typeof(JsString),
            PushReferences = statements.Count == 0 ? null : Expression.Lambda<Action<object, WalkStack>>(Expression.Block(statements), instance, stack).Compile(),
            Prototype = isObject ? Expression.Lambda<Func<object, object?>>(Expression.Field(Expression.Convert(instance, typeof(ObjectInstance)), s_prototype), instance).Compile() : null,
        };
    }

    private static ObjectLayout BuildArray(Type type)
    {
        var element = type.GetElementType()!;
        var layout = new ObjectLayout
        {
            IsArray = true,
            ElementSize = SizeOf(element),
            ElementsAreReferences = !element.IsValueType && type.GetArrayRank() == 1,
        };
        if (type.GetArrayRank() != 1 || !element.IsValueType || !ContainsReferences(element))
        {
            return layout;
        }

        // Struct elements that hold references (dictionary entries, bindings): a compiled loop over the elements.
        var instance = Expression.Parameter(typeof(object), "instance");
        var stack = Expression.Parameter(typeof(WalkStack), "stack");
        var array = Expression.Variable(type, "array");
        var index = Expression.Variable(typeof(int), "i");
        var end = Expression.Label("end");
        var references = new List<Expression>();
        CollectReferences(Expression.ArrayIndex(array, index), element, references, 0);
        if (references.Count == 0)
        {
            return layout;
        }

        var loop = Expression.Block(
            [array, index],
            Expression.Assign(array, Expression.Convert(instance, type)),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(
                    Expression.LessThan(index, Expression.ArrayLength(array)),
                    Expression.Block(references.Select(r => Pushing(r, stack)).Append(Expression.PreIncrementAssign(index))),
                    Expression.Break(end)),
                end));
        return new ObjectLayout
        {
            IsArray = true,
            ElementSize = layout.ElementSize,
            PushReferences = Expression.Lambda<Action<object, WalkStack>>(loop, instance, stack).Compile(),
        };
    }

    private static Expression Pushing(Expression reference, ParameterExpression stack) =>
        Expression.Call(stack, reference.Type.Name == "Shape" && reference.Type.Assembly == typeof(Engine).Assembly ? s_pushShape : s_push,
            Expression.Convert(reference, typeof(object)));

    /// <summary>Reference-typed fields of <paramref name="owner"/>, and those of the structs embedded in it.</summary>
    private static void CollectReferences(Expression owner, Type type, List<Expression> into, int depth)
    {
        foreach (var field in InstanceFields(type))
        {
            var fieldType = field.FieldType;
            if (fieldType.IsPointer || fieldType.IsByRef || fieldType.IsByRefLike || fieldType == typeof(Engine))
            {
                // The engine is a root of every walk: following it from each object would only probe it again.
                continue;
            }

            if (!fieldType.IsValueType)
            {
                into.Add(Expression.Field(owner, field));
            }
            else if (depth < MaxStructDepth && !fieldType.IsPrimitive && !fieldType.IsEnum && ContainsReferences(fieldType))
            {
                CollectReferences(Expression.Field(owner, field), fieldType, into, depth + 1);
            }
        }
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static int SizeOf(Type type)
    {
        if (!type.IsValueType)
        {
            return IntPtr.Size;
        }

        if (type.IsEnum)
        {
            type = Enum.GetUnderlyingType(type);
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
            TypeCode.Char or TypeCode.Int16 or TypeCode.UInt16 => 2,
            TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double or TypeCode.DateTime => 8,
            TypeCode.Decimal => 16,
            _ => (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!,
        };
    }

    private static bool ContainsReferences(Type type) =>
        (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!.MakeGenericMethod(type).Invoke(null, null)!;

    private static bool IsIgnored(Type type) =>
        typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || typeof(System.Globalization.CultureInfo).IsAssignableFrom(type) || type == typeof(TimeZoneInfo)
        || typeof(System.Text.Encoding).IsAssignableFrom(type) || typeof(Thread).IsAssignableFrom(type)
        || type == typeof(ExecutionContext) || typeof(SynchronizationContext).IsAssignableFrom(type)
        || type.Namespace?.StartsWith("System.Reflection", StringComparison.Ordinal) == true;

    /// <summary>
    /// Syntax trees, interpreter nodes, shapes, layouts, the realm and its built-in constructors and prototypes: one
    /// set per engine, which every object of their kind points to (an array to its constructor, an object to its shape).
    /// </summary>
    private static bool IsEngineOwned(Type type) =>
        type.Namespace is { } ns && (ns.StartsWith("Acornima", StringComparison.Ordinal)
            || (type.Assembly == typeof(Engine).Assembly && (type.Name is "Shape" or "JsObjectLayout" or "JintFunctionDefinition" or "Realm"
                or "Intrinsics" or "GlobalObject" || type.Name.EndsWith("Constructor", StringComparison.Ordinal)
                || type.Name.EndsWith("Prototype", StringComparison.Ordinal) || ns.StartsWith("Jint.Runtime.Interpreter", StringComparison.Ordinal))));

    private static bool IsWeakTable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ConditionalWeakTable<,>);

    /// <summary>
    /// A weak table's entries are not fields: Jint keeps private class fields and WeakMap values in them. Their values
    /// count (a key that is already garbage makes this over-count until the next collection, never under-count).
    /// </summary>
    private static void PushWeakTableValues<TKey, TValue>(object table, WalkStack stack)
        where TKey : class
        where TValue : class?
    {
        foreach (var entry in (IEnumerable<KeyValuePair<TKey, TValue>>)table)
        {
            stack.Push(entry.Value);
        }
    }
}
