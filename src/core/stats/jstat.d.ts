// The one part of jstat (which ships no type declarations) that mlproject uses.
declare module 'jstat' {
  export const jStat: {
    studentt: {
      /** the p-quantile of Student's t distribution with `dof` degrees of freedom */
      inv(p: number, dof: number): number;
    };
  };
}
