/** A check on one route parameter's (decoded) value, e.g. `{id:int}` or `{code:length(3)}`. */
export type RouteConstraint = (value: string) => boolean;

const simple: Record<string, RouteConstraint> = {
  int: (v) => /^-?\d+$/.test(v) && Math.abs(Number(v)) <= 2 ** 31,
  long: (v) => /^-?\d+$/.test(v),
  bool: (v) => /^(true|false)$/i.test(v),
  alpha: (v) => /^[a-z]+$/i.test(v),
  guid: (v) => /^[{(]?[\da-f]{8}-?[\da-f]{4}-?[\da-f]{4}-?[\da-f]{4}-?[\da-f]{12}[)}]?$/i.test(v),
  datetime: (v) => !Number.isNaN(Date.parse(v)),
  decimal: (v) => /^-?\d+(\.\d+)?$/.test(v),
  double: (v) => v.trim() !== '' && Number.isFinite(Number(v)),
  float: (v) => v.trim() !== '' && Number.isFinite(Number(v)),
  required: (v) => v !== '',
};

function numbers(args: string, count: number, constraint: string): number[] {
  const values = args.split(',').map((a) => Number(a.trim()));
  if (values.length !== count || values.some((n) => !Number.isFinite(n))) {
    throw new Error(`route constraint "${constraint}" needs ${count} number(s)`);
  }
  return values;
}

/**
 * Build the check for one ASP.NET Core route constraint (the set the Functions host accepts). An
 * unknown constraint fails at start, as it does in the real host, rather than matching everything.
 */
export function toRouteConstraint(constraint: string): RouteConstraint {
  const call = /^([a-z]+)\((.*)\)$/is.exec(constraint);
  if (!call) {
    const check = simple[constraint.toLowerCase()];
    if (!check) throw new Error(`unknown route constraint "${constraint}"`);
    return check;
  }
  const name = (call[1] ?? '').toLowerCase();
  const args = call[2] ?? '';
  switch (name) {
    case 'min': {
      const [min = 0] = numbers(args, 1, constraint);
      return (v) => /^-?\d+$/.test(v) && Number(v) >= min;
    }
    case 'max': {
      const [max = 0] = numbers(args, 1, constraint);
      return (v) => /^-?\d+$/.test(v) && Number(v) <= max;
    }
    case 'range': {
      const [min = 0, max = 0] = numbers(args, 2, constraint);
      return (v) => /^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max;
    }
    case 'length': {
      const bounds = args.includes(',') ? numbers(args, 2, constraint) : numbers(args, 1, constraint);
      const [min = 0, max = min] = bounds;
      return (v) => v.length >= min && v.length <= max;
    }
    case 'minlength': {
      const [min = 0] = numbers(args, 1, constraint);
      return (v) => v.length >= min;
    }
    case 'maxlength': {
      const [max = 0] = numbers(args, 1, constraint);
      return (v) => v.length <= max;
    }
    case 'regex': {
      // ASP.NET matches regex constraints case-insensitively.
      const pattern = new RegExp(args, 'i');
      return (v) => pattern.test(v);
    }
    default:
      throw new Error(`unknown route constraint "${constraint}"`);
  }
}
