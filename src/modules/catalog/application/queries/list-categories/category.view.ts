export interface CategoryView {
  readonly id: string;
  readonly name: string;
}

export interface CategoryPageView {
  readonly items: CategoryView[];
  readonly nextCursor: string | null;
}
