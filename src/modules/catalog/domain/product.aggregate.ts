import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { CatalogLimits } from './catalog-limits';
import { ProductStatus } from './product-status';
import { Money } from '../../../shared/kernel/money';

export interface ProductProps {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  readonly stock: number;
  readonly categoryId: string;
  readonly status: ProductStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type ProductChanges = Partial<
  Pick<ProductProps, 'name' | 'description' | 'price' | 'stock' | 'categoryId' | 'status'>
>;

/**
 * A product of the catalog. Price is an integer number of won; stock never
 * goes below zero (also a CHECK constraint, and concurrent adjustments are
 * decided by a conditional UPDATE, not here).
 */
export class Product extends AggregateRoot {
  private constructor(private props: ProductProps) {
    super();
  }

  static create(
    input: Omit<ProductProps, 'createdAt' | 'updatedAt' | 'status'> & {
      status?: ProductStatus;
      now: Date;
    },
  ): Product {
    const { now, ...rest } = input;
    const props: ProductProps = {
      ...rest,
      name: rest.name.trim(),
      status: rest.status ?? 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    };
    Product.validate(props);
    return new Product(props);
  }

  static rehydrate(props: ProductProps): Product {
    return new Product(props);
  }

  /** Applies a partial update; returns false when nothing changed. */
  update(changes: ProductChanges, now: Date): boolean {
    const next: ProductProps = {
      ...this.props,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      name: (changes.name ?? this.props.name).trim(),
    };
    Product.validate(next);
    const changed = (Object.keys(changes) as Array<keyof ProductChanges>).some(
      (key) => changes[key] !== undefined && next[key] !== this.props[key],
    );
    if (changed) this.props = { ...next, updatedAt: now };
    return changed;
  }

  /** Takes the product off the shop; idempotent. */
  hide(now: Date): void {
    if (this.props.status === 'HIDDEN') return;
    this.props = { ...this.props, status: 'HIDDEN', updatedAt: now };
  }

  /** Validates a stock adjustment's size (its effect is applied atomically in SQL). */
  static validateAdjustment(delta: number): void {
    if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > CatalogLimits.maxAdjustment) {
      throw new ValidationError([
        {
          field: 'delta',
          message: `delta must be a non-zero integer within ±${CatalogLimits.maxAdjustment}`,
        },
      ]);
    }
  }

  private static validate(props: ProductProps): void {
    const errors: FieldError[] = [];
    const { min, max } = CatalogLimits.nameLength;
    if (props.name.length < min || props.name.length > max)
      errors.push({ field: 'name', message: `name must be ${min} to ${max} characters` });
    if (props.description.length > CatalogLimits.descriptionMaxLength) {
      errors.push({
        field: 'description',
        message: `description must be at most ${CatalogLimits.descriptionMaxLength} characters`,
      });
    }
    const price = Money.check('price', props.price, { min: 0, max: CatalogLimits.maxPrice });
    if (price) errors.push(price);
    if (!Number.isInteger(props.stock) || props.stock < 0 || props.stock > CatalogLimits.maxStock) {
      errors.push({
        field: 'stock',
        message: `stock must be an integer from 0 to ${CatalogLimits.maxStock}`,
      });
    }
    if (errors.length > 0) throw new ValidationError(errors);
  }

  get id(): string {
    return this.props.id;
  }

  get name(): string {
    return this.props.name;
  }

  get description(): string {
    return this.props.description;
  }

  get price(): number {
    return this.props.price;
  }

  get stock(): number {
    return this.props.stock;
  }

  get categoryId(): string {
    return this.props.categoryId;
  }

  get status(): ProductStatus {
    return this.props.status;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  get updatedAt(): Date {
    return this.props.updatedAt;
  }
}
