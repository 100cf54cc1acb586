package org.lodestone.mineral.service;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.lodestone.mineral.ProductionFigure;
import org.lodestone.mineral.ProductionFigureRepository;
import org.lodestone.mineral.mapping.MineralMapper;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.mineral.api.ProductionDto;

@ApplicationScoped
public class ProductionService {

    private final ProductionFigureRepository figures;

    ProductionService(ProductionFigureRepository figures) {
        this.figures = figures;
    }

    /** Null means "any". */
    public List<ProductionDto> search(String mineral, String country, Integer year, String measure) {
        return figures.search(mineral, country, year, measure).stream().map(MineralMapper::toDto).toList();
    }

    public ProductionDto get(long id) {
        ProductionFigure figure = figures.findById(id);
        if (figure == null) {
            throw new ResourceNotFoundException("production figure", Long.toString(id));
        }
        return MineralMapper.toDto(figure);
    }

    public List<ProductionDto> byIds(Collection<Long> ids) {
        return figures.byIds(ids).stream().map(MineralMapper::toDto).toList();
    }
}
