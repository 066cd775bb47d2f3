import { Product } from '../../domain/product.aggregate';
import { ProductStatus } from '../../domain/product-status';
import { ProductOrmEntity } from './product.orm-entity';

/** Converts between the Product aggregate and its row. */
export class ProductPersistenceMapper {
  static toDomain(row: ProductOrmEntity): Product {
    return Product.rehydrate({
      id: row.id,
      name: row.name,
      description: row.description,
      price: Number(row.price),
      stock: Number(row.stock),
      categoryId: row.categoryId,
      status: row.status as ProductStatus,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  }

  static toRow(product: Product): ProductOrmEntity {
    const row = new ProductOrmEntity();
    row.id = product.id;
    row.name = product.name;
    row.description = product.description;
    row.price = product.price;
    row.stock = product.stock;
    row.categoryId = product.categoryId;
    row.status = product.status;
    row.createdAt = product.createdAt;
    row.updatedAt = product.updatedAt;
    return row;
  }
}
