/** A product as clients see it. */
export interface ProductView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  readonly stock: number;
  readonly categoryId: string;
  readonly status: 'ACTIVE' | 'HIDDEN';
  readonly createdAt: string;
  readonly updatedAt: string;
}
